import { useState } from "react";
import { CategoryIcon } from "./category-icon.tsx";

/** A small frame on phones (so a card stays short), 16:9 across the card's top from `sm` up. */
export const IMAGE_FRAME =
  "aspect-[4/3] w-24 shrink-0 self-start overflow-hidden rounded-lg sm:aspect-video sm:w-full sm:rounded-none";

/**
 * The activity's picture in a fixed frame (width and height set, so nothing moves when it loads);
 * below the fold it loads only when it nears the viewport. Without a picture, or when it fails to
 * load, the category's icon stands in.
 */
export function ActivityImage({
  src,
  categoryId,
  dimmed = false,
  eager = false,
  wide = false,
}: {
  src: string;
  categoryId: string | null;
  dimmed?: boolean;
  /** For the first cards, on the first screen: loading them lazily would only delay them. */
  eager?: boolean;
  /** 16:9 at every width (the details page), rather than a card's small frame on phones. */
  wide?: boolean;
}) {
  // Keyed by the address, so a new picture for the same card gets its own try.
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = src !== "" && failed !== src;
  return (
    <div className={`${wide ? "aspect-video w-full" : IMAGE_FRAME} bg-gray-100 dark:bg-gray-800`}>
      {showImage ? (
        <img
          src={src}
          alt=""
          loading={eager ? "eager" : "lazy"}
          decoding="async"
          width={640}
          height={360}
          onError={() => setFailed(src)}
          className={`size-full object-cover ${dimmed ? "opacity-60 grayscale" : ""}`}
        />
      ) : (
        <div className="flex size-full items-center justify-center text-gray-600 dark:text-gray-300">
          <CategoryIcon categoryId={categoryId} className="size-10 sm:size-14" />
        </div>
      )}
    </div>
  );
}
