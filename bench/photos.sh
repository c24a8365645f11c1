#!/usr/bin/env bash
# The photo archive of `make bench`: BENCH_PHOTOS articles (200 by default), each with a lead
# photo of 3 megapixels (2000 x 1500 JPEG), built by Gazette and by Hugo doing the same image
# work (480, 960 and 1600 px wide, WebP and JPEG, quality 80), side by side in one run; then
# Gazette's rebuild with nothing changed. The photos are made from the sample archive's four
# (cropped, shifted and tinted differently each, so no two are alike) with libvips' tools.
#
#   bash bench/photos.sh WORK GAZETTE [HUGO]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$1 GAZETTE=$2 HUGO=${3:-}
P=${BENCH_PHOTOS:-200}
command -v vips >/dev/null || { ${SUDO:-} apt-get install -y -qq libvips-tools >/dev/null; }
corpus=$WORK/photos-$P
sources=(content/2022/09/typhoon-closes-southern-ports/storm-clouds.jpg
         content/2022/09/typhoon-closes-southern-ports/raindrops-on-leaves.jpg media/dry-dune.jpg media/two-wings.jpg)

make_photo() {  # index, source, destination folder
  local i=$1 source=$2 folder=$3 big
  big=$(mktemp --suffix=.v)
  mkdir -p "$folder"
  # Enlarged to 2600 px wide, cut at an offset of its own, tinted its own way, saved at 3 MP.
  vips resize "$source" "$big" "$(echo "2600 / $(vipsheader -f width "$source")" | bc -l)"
  vips crop "$big" "$big.crop.v" $(( (i * 37) % 500 )) $(( (i * 23) % 100 )) 2000 1500
  vips linear "$big.crop.v" "$folder/photo.jpg[Q=90]" "$(echo "0.85 + ($i % 7) / 20" | bc -l) 1 $(echo "0.85 + ($i % 5) / 15" | bc -l)" "0 0 0"
  rm -f "$big" "$big.crop.v"
}
export -f make_photo

if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  echo "Making $P photos of 3 megapixels..."
  for i in $(seq 1 "$P"); do
    day=$(printf '%02d' $(( i % 28 + 1 )))
    folder=$corpus/content/2024/03/photo-$i
    echo "$i ${sources[$(( i % 4 ))]} $folder"
    mkdir -p "$folder"
    printf -- '---\ntitle: "Photo story %d"\ndate: 2024-03-%sT09:00:00+09:00\nslug: photo-story-%d\nimage: photo.jpg\nimage_alt: "Photo %d"\n---\n\nA story with a photo.\n' \
      "$i" "$day" "$i" "$i" > "$folder/index.md"
  done | xargs -P "$(nproc)" -L 1 bash -c 'make_photo "$0" "$1" "$2"'
  printf 'title: Photo Wire\nbase_url: https://example.org/\nsearch: false\nrelated_articles: 0\n' > "$corpus/gazette.yml"
  touch "$corpus/.done"
fi

row() {  # label, seconds, KB
  printf "  %-34s %8.2f s wall %8.0f MB peak\n" "$1" "$2" "$(echo "$3 / 1024" | bc)"
}
echo "Photo archive: $P articles, each with a 3-megapixel photo, six variants each"
out=$WORK/photos-out-gazette
rm -rf "$out" "$out".gazette-*
/usr/bin/time -f "%e %M" -o "$WORK/time" "$GAZETTE" build --source "$corpus" --output "$out" > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
read -r G_WALL G_RSS < "$WORK/time"
row "gazette build (no stored images)" "$G_WALL" "$G_RSS"
/usr/bin/time -f "%e %M" -o "$WORK/time" "$GAZETTE" build --source "$corpus" --output "$out" > "$WORK/log" 2>&1
read -r N_WALL N_RSS < "$WORK/time"
row "gazette rebuild, nothing changed" "$N_WALL" "$N_RSS"
echo "    $(find "$out/images" -type f | wc -l) variants, $(du -sm "$out/images" | cut -f1) MB"
if [ -n "$HUGO" ]; then
  site=$WORK/photos-hugo-site
  rm -rf "$site" "$WORK/photos-out-hugo" && cp -r bench/hugo-photos "$site"
  # Hugo keeps processed images in resources/_gen: removed first, so both start cold.
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$HUGO" --quiet -s "$site" -c "$corpus/content" -d "$WORK/photos-out-hugo" \
    > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
  read -r H_WALL H_RSS < "$WORK/time"
  row "hugo build (cold)" "$H_WALL" "$H_RSS"
  echo "    $(find "$WORK/photos-out-hugo" "$site/resources" -type f \( -name '*.webp' -o -name '*.jpg' \) | wc -l) image files (output and resources/_gen)"
  printf "  Gazette / Hugo: wall %.3f, peak memory %.3f\n" "$(echo "$G_WALL / $H_WALL" | bc -l)" "$(echo "$G_RSS / $H_RSS" | bc -l)"
fi
