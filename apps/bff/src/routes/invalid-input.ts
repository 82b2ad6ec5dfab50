import { AppError } from "../errors.ts";

/**
 * zValidator's failure hook: answer 400 in our error shape with the first problem in words. Each
 * message starts with the name of the field it is about, so the page can put it by that field.
 */
export const invalid =
  (code: string) => (result: { success: boolean; error?: { issues: { message: string }[] } }) => {
    if (!result.success)
      throw new AppError(400, code, result.error?.issues[0]?.message ?? "Invalid request.");
  };
