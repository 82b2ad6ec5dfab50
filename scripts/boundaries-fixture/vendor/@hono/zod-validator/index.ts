export const zValidator = () => undefined;
