/** The activity's picture in a fixed 16:9 frame, loaded only when it nears the viewport. */
export function ActivityImage({ src, dimmed = false }: { src: string; dimmed?: boolean }) {
  return (
    <div className="aspect-video overflow-hidden bg-gray-100 dark:bg-gray-800">
      {src && (
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          width={640}
          height={360}
          className={`size-full object-cover ${dimmed ? "opacity-60 grayscale" : ""}`}
        />
      )}
    </div>
  );
}
