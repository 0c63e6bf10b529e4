#!/bin/sh
# Draws the synthetic pictures of the sample issue samples/ppp-2008-06-13/img/.
# Every picture is made here from gradients, shapes and noise: nothing is
# downloaded and no photograph is used. Needs Debian's imagemagick
# (/usr/bin/convert) and fonts-dejavu-core. The committed files are the
# reference; re-running gives similar, not byte-identical, pictures.
set -eu
IM=/usr/bin/convert
OUT=${1:-"$(dirname "$0")/../ppp-2008-06-13/img"}
W=1600 H=1067
JPG="-strip -sampling-factor 4:2:0 -interlace none -quality 80"
SANS=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
SANSB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
mkdir -p "$OUT"

# Soft texture used by most scenes: fractal plasma, grey, blurred.
texture() { # seed blur out
  $IM -seed "$1" -size ${W}x${H} plasma:fractal -colorspace Gray -blur 0x"$2" -auto-level "$3"
}

finish() { # in out: film grain, vignette, JPEG
  $IM "$1" -seed 7 -attenuate 0.35 +noise Gaussian \
    \( -size ${W}x${H} radial-gradient:white-'#000000' +level 62%,100% \) \
    -compose multiply -composite $JPG "$2"
}

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# 1. Alley at dusk, two figures and cigarette smoke (lead photo of the seed story).
texture 11 6 "$T/tex.png"
$IM -size ${W}x${H} gradient:'#5a4a38'-'#1a140f' "$T/tex.png" -compose overlay -composite \
  -fill '#2a221b' -draw "polygon 0,0 520,180 520,900 0,1067" \
  -fill '#3b3026' -draw "polygon 1600,0 1080,170 1080,910 1600,1067" \
  -fill '#c9a46a' -draw "polygon 520,180 1080,170 1080,910 520,900" \
  -fill '#8c7452' -draw "polygon 560,500 1040,500 1040,900 560,900" \
  -fill '#e8d7a8' -draw "rectangle 700,260 880,420" \
  -fill '#15110d' -draw "roundrectangle 600,430 700,1000 40,40" -draw "circle 650,380 650,330" \
  -fill '#1d1712' -draw "roundrectangle 820,450 915,1000 40,40" -draw "circle 868,400 868,352" \
  \( -size ${W}x${H} xc:none -fill 'rgba(235,235,230,0.45)' -draw "ellipse 730,300 70,40 0,360" \
     -draw "ellipse 780,240 90,50 0,360" -blur 0x25 \) -compose over -composite \
  -blur 0x1.2 "$T/a.png"
finish "$T/a.png" "$OUT/chamkarmon-alley-dusk.jpg"

# 2. A room in a slum: corrugated wall, doorway light, seated figure with a bottle.
texture 23 4 "$T/tex.png"
$IM -size ${W}x${H} gradient:'#6b7072'-'#2c2a26' "$T/tex.png" -compose overlay -composite \
  \( -size 40x${H} gradient:'#7d8285'-'#3e4042' -rotate 90 -resize ${W}x40! -rotate 90 \) -compose over -composite \
  "$T/b0.png"
$IM "$T/b0.png" \
  \( -size 60x${H} xc:'#505457' -fill '#7a7f82' -draw "rectangle 0,0 28,${H}" -write mpr:rib +delete \
     -size ${W}x${H} tile:mpr:rib -alpha set -channel A -evaluate set 35% +channel \) -compose over -composite \
  -fill '#f2e3b3' -draw "rectangle 1120,120 1420,820" \
  -fill '#4a3b2c' -draw "rectangle 0,820 1600,1067" \
  -fill '#201a16' -draw "roundrectangle 560,520 800,960 60,60" -draw "circle 680,450 680,380" \
  -fill '#b3342c' -draw "roundrectangle 800,600 830,700 8,8" \
  -blur 0x1.5 "$T/b.png"
finish "$T/b.png" "$OUT/phnom-penh-slum-room.jpg"

# 3. Protest on a New York street: building, crowd of heads, banners.
texture 37 3 "$T/tex.png"
$IM -size ${W}x${H} gradient:'#9fb4c8'-'#d9dfe4' "$T/tex.png" -compose softlight -composite \
  -fill '#6e6a66' -draw "rectangle 0,120 1600,760" \
  -fill '#3d4a57' -draw "rectangle 80,180 260,420" -draw "rectangle 340,180 520,420" \
       -draw "rectangle 600,180 780,420" -draw "rectangle 860,180 1040,420" \
       -draw "rectangle 1120,180 1300,420" -draw "rectangle 1380,180 1560,420" \
  -fill '#8a8580' -draw "rectangle 0,760 1600,1067" "$T/c0.png"
cp "$T/c0.png" "$T/c.png"
i=0
for x in 60 170 250 360 450 540 650 740 820 930 1010 1100 1200 1290 1380 1470 1550; do
  i=$((i+1)); y=$((700 + (i*37)%90)); c=$(printf '#%02x%02x%02x' $((30+(i*23)%60)) $((25+(i*13)%40)) $((25+(i*7)%40)))
  $IM "$T/c.png" -fill "$c" -draw "circle $x,$y $x,$((y-38))" -draw "roundrectangle $((x-55)),$((y+30)) $((x+55)),1067 30,30" "$T/c.png"
done
$IM "$T/c.png" \
  -fill '#f4f1e8' -draw "rectangle 300,470 720,610" -fill '#b22222' -draw "rectangle 300,470 720,500" \
  -fill '#f6e27a' -draw "rectangle 950,440 1330,580" \
  -fill '#4a4a4a' -draw "line 340,610 340,760" -draw "line 680,610 680,760" -draw "line 1140,580 1140,740" \
  -blur 0x1.2 "$T/c.png"
finish "$T/c.png" "$OUT/new-york-un-mission-protest.jpg"

# 4. Mekong at Kratie: river, far bank, a dolphin's back breaking the water.
texture 41 8 "$T/tex.png"
$IM -size ${W}x440 gradient:'#9db8c9'-'#e6e2d2' -size ${W}x627 gradient:'#6b7d78'-'#3e4f4f' -append \
  "$T/tex.png" -compose softlight -composite \
  -fill '#4f6140' -draw "polygon 0,440 300,400 700,420 1100,395 1600,430 1600,470 0,470" \
  -fill '#56646a' -draw "ellipse 820,700 230,60 180,360" -fill '#5e6c66' -draw "rectangle 560,700 1080,720" \
  -fill '#4a585e' -draw "polygon 840,645 880,600 900,648" \
  -fill 'rgba(230,235,235,0.55)' -draw "ellipse 820,702 260,10 0,360" -draw "ellipse 560,705 60,5 0,360" \
  -blur 0x1.4 "$T/d.png"
finish "$T/d.png" "$OUT/kratie-dolphin-surfacing.jpg"

# 5. Tourist boat on the river at Kampi.
texture 53 6 "$T/tex.png"
$IM -size ${W}x500 gradient:'#f0c98a'-'#f6e8c8' -size ${W}x567 gradient:'#8a8466'-'#4a4b3c' -append \
  "$T/tex.png" -compose softlight -composite \
  -fill '#3f5234' -draw "polygon 0,500 400,470 900,485 1600,460 1600,520 0,520" \
  -fill '#6b3b22' -draw "polygon 380,700 1240,700 1160,790 470,790" \
  -fill '#2f5f8a' -draw "rectangle 560,600 1060,700" -fill '#e9e3d0' -draw "rectangle 540,585 1080,605" \
  -fill '#1b1b1b' -draw "circle 640,650 640,625" -draw "circle 760,650 760,625" -draw "circle 900,650 900,625" \
  -fill 'rgba(255,255,240,0.35)' -draw "ellipse 820,805 460,16 0,360" \
  -blur 0x1.3 "$T/e.png"
finish "$T/e.png" "$OUT/kampi-tourist-boat.jpg"

# 6. Sunset over the river bank with fishermen's nets.
texture 67 10 "$T/tex.png"
$IM -size ${W}x560 gradient:'#e0783a'-'#f7c66b' -size ${W}x507 gradient:'#b0603a'-'#2b2320' -append \
  "$T/tex.png" -compose softlight -composite \
  -fill '#fff1b8' -draw "circle 1100,520 1100,470" \
  -fill '#1c1511' -draw "polygon 0,560 500,540 1600,575 1600,620 0,620" \
  -draw "line 300,620 380,880" -draw "line 380,880 470,620" \
  -stroke '#1c1511' -strokewidth 4 -fill none -draw "bezier 300,620 380,700 470,620" -stroke none \
  -fill '#120d0a' -draw "roundrectangle 360,780 410,900 18,18" -draw "circle 385,760 385,740" \
  -blur 0x1.3 "$T/f.png"
finish "$T/f.png" "$OUT/mekong-sunset-nets.jpg"

# 7. Temple on a cliff (Preah Vihear), stone gopura against the sky.
texture 79 5 "$T/tex.png"
$IM -size ${W}x${H} gradient:'#7fa6c7'-'#d8e2e0' "$T/tex.png" -compose softlight -composite \
  -fill '#3e4d2e' -draw "polygon 0,760 600,700 1000,690 1600,640 1600,1067 0,1067" \
  -fill '#8d7f6a' -draw "polygon 420,700 1180,700 1120,420 480,420" \
  -fill '#a39379' -draw "polygon 560,420 1040,420 940,260 660,260" \
  -fill '#2a241e' -draw "rectangle 740,520 860,700" \
  -fill '#6e624f' -draw "rectangle 460,640 1140,700" \
  -blur 0x1.2 "$T/g.png"
finish "$T/g.png" "$OUT/preah-vihear-gopura.jpg"

# 8. Rice paddies in Battambang, a farmer bending to plant.
texture 83 3 "$T/tex.png"
$IM -size ${W}x330 gradient:'#a9c8de'-'#edf1e6' -size ${W}x737 gradient:'#8fb04a'-'#4f7a2a' -append \
  "$T/tex.png" -compose softlight -composite "$T/h.png"
for y in 420 500 600 720 860 1010; do
  $IM "$T/h.png" -stroke '#c9d6b0' -strokewidth $((y/200)) -draw "line 0,$y 1600,$((y-40))" "$T/h.png"
done
$IM "$T/h.png" -stroke none \
  -fill '#2f4220' -draw "polygon 0,330 500,300 1000,315 1600,290 1600,350 0,350" \
  -fill '#d9c08a' -draw "polygon 900,520 1060,520 980,470" \
  -fill '#33507a' -draw "roundrectangle 930,525 1030,640 30,30" \
  -fill '#2a2a2a' -draw "line 960,640 940,740" -draw "line 1000,640 1010,740" \
  -blur 0x1.1 "$T/h.png"
finish "$T/h.png" "$OUT/battambang-paddy-planting.jpg"

# 9. Cover (portrait): riverfront at dawn, roofs in silhouette, the sun rising.
$IM -seed 97 -size 1067x1600 plasma:fractal -colorspace Gray -blur 0x12 -auto-level "$T/tex.png"
$IM -size 1067x900 gradient:'#f3b36b'-'#fde9c6' -size 1067x700 gradient:'#9a7a5a'-'#3a3330' -append \
  "$T/tex.png" -compose softlight -composite \
  -fill '#fffbe8' -draw "circle 760,790 760,735" \
  -fill '#4b3a2e' -draw "polygon 0,900 0,860 120,850 180,760 240,850 330,850 360,700 390,600 420,700 450,850 560,855 600,780 640,855 1067,860 1067,900" \
  -draw "rectangle 0,895 1067,930" \
  -fill 'rgba(255,240,200,0.18)' -draw "ellipse 760,1010 26,150 0,360" -draw "ellipse 760,960 50,12 0,360" \
  -blur 0x1.5 "$T/i.png"
$IM "$T/i.png" -seed 7 -attenuate 0.35 +noise Gaussian \
  \( -size 1067x1600 radial-gradient:white-'#000000' +level 62%,100% \) \
  -compose multiply -composite $JPG "$OUT/cover-riverfront-dawn.jpg"

# 10. Chart (8-bit PNG): milled rice price, Phnom Penh wholesale, Jan-Jun 2008.
$IM -size 1600x1000 xc:white -font "$SANS" -pointsize 34 -fill '#222222' \
  -stroke '#999999' -strokewidth 2 -draw "line 160,860 1520,860" -draw "line 160,140 160,860" \
  -stroke '#dddddd' -draw "line 160,680 1520,680" -draw "line 160,500 1520,500" -draw "line 160,320 1520,320" \
  -stroke none -fill '#444444' \
  -draw "text 60,872 '1,000'" -draw "text 60,692 '1,500'" -draw "text 60,512 '2,000'" -draw "text 60,332 '2,500'" \
  -draw "text 220,920 'Jan'" -draw "text 440,920 'Feb'" -draw "text 660,920 'Mar'" \
  -draw "text 880,920 'Apr'" -draw "text 1100,920 'May'" -draw "text 1320,920 'Jun'" \
  -font "$SANSB" -pointsize 44 -fill '#222222' -draw "text 160,80 'Milled rice, riel per kilogram, monthly average'" \
  -stroke '#b5121b' -strokewidth 8 -fill none \
  -draw "line 245,774 465,702" -draw "line 465,702 685,518" -draw "line 685,518 905,356" \
  -draw "line 905,356 1125,392" -draw "line 1125,392 1345,464" \
  -stroke none -fill '#b5121b' \
  -draw "circle 245,774 245,762" -draw "circle 465,702 465,690" -draw "circle 685,518 685,506" \
  -draw "circle 905,356 905,344" -draw "circle 1125,392 1125,380" -draw "circle 1345,464 1345,452" \
  -font "$SANS" -pointsize 30 -fill '#666666' -draw "text 160,980 'Sample data for the galley sample issue'" \
  -strip -dither None -colors 64 PNG8:"$OUT/rice-price-chart-2008.png"

# 11. Map (8-bit PNG): the Mekong from Kratie to the Lao border, dolphin pools marked.
$IM -size 1200x1400 xc:'#f3efe3' -font "$SANS" -pointsize 34 \
  -stroke '#4f86b8' -strokewidth 26 -fill none \
  \
  -draw "line 640,0 646,50" -draw "line 646,50 652,100" -draw "line 652,100 657,150" -draw "line 657,150 661,200" -draw "line 661,200 664,250" -draw "line 664,250 665,300" -draw "line 665,300 664,350" -draw "line 664,350 662,400" -draw "line 662,400 658,450" -draw "line 658,450 652,500" -draw "line 652,500 644,550" -draw "line 644,550 635,600" -draw "line 635,600 624,650" -draw "line 624,650 613,700" -draw "line 613,700 600,750" -draw "line 600,750 587,800" -draw "line 587,800 574,850" -draw "line 574,850 561,900" -draw "line 561,900 549,950" -draw "line 549,950 538,1000" -draw "line 538,1000 527,1050" -draw "line 527,1050 519,1100" -draw "line 519,1100 512,1150" -draw "line 512,1150 506,1200" -draw "line 506,1200 503,1250" -draw "line 503,1250 501,1300" -draw "line 501,1300 501,1350" -draw "line 501,1350 503,1400" \
  -stroke '#8a8a8a' -strokewidth 4 -draw "line 0,120 1200,60" -stroke none \
  -fill '#b5121b' -draw "circle 665,300 665,282" -draw "circle 613,700 613,682" -draw "circle 516,1120 516,1102" \
  -fill '#222222' -draw "text 705,312 'Anlong Cheuteal'" -draw "text 653,712 'Kampi pool'" \
  -draw "text 556,1132 'Kratie town'" -fill '#666666' -draw "text 40,100 'LAOS'" -draw "text 40,180 'CAMBODIA'" \
  -font "$SANSB" -pointsize 44 -fill '#222222' -draw "text 40,1360 'Dolphin pools on the Mekong'" \
  -strip -dither None -colors 64 PNG8:"$OUT/mekong-dolphin-pools-map.png"
