#!/bin/sh
# Makes the demo premiere (issue #11): a 60 s test pattern with a burnt-in running timecode and a
# tone (440 Hz, with a 1 kHz pip on every whole second, so sync and sound can be checked by ear),
# H.264 baseline + AAC at 640x360, small enough to commit (<= 800 KB; a minute, so an e2e test's late joiner on a slow machine still
# finds it playing); and its bilingual WebVTT
# captions. The outputs are committed: a bare machine needs no ffmpeg. Re-run after changing this:
#   sh assets/stage/make-demo-premiere.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
font=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf}
seconds=60

ffmpeg -v error -y \
  -f lavfi -i "smptehdbars=size=640x360:rate=25:duration=${seconds}" \
  -f lavfi -i "aevalsrc='0.12*sin(2*PI*440*t)+if(lt(mod(t\,1)\,0.08)\,0.3*sin(2*PI*1000*t)\,0)':s=44100:d=${seconds}" \
  -vf "drawbox=x=110:y=120:w=420:h=120:color=black@0.85:t=fill,\
drawtext=fontfile=${font}:text='LUDAO PREMIERE':x=(w-tw)/2:y=132:fontsize=26:fontcolor=white,\
drawtext=fontfile=${font}:text='%{pts\:hms}':x=(w-tw)/2:y=172:fontsize=44:fontcolor=yellow,\
drawbox=x='mod(t*64\,640)-20':y=300:w=20:h=20:color=white:t=fill" \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryslow -crf 28 -maxrate 80k -bufsize 160k \
  -g 25 -keyint_min 25 -sc_threshold 0 \
  -c:a aac -b:a 32k -ac 1 \
  -movflags +faststart -metadata title="Ludao demo premiere" \
  "$here/demo-premiere.mp4"

cat > "$here/demo-premiere.vtt" <<'VTT'
WEBVTT

1
00:00:00.000 --> 00:00:05.000
欢迎来到鹭岛云展首映
Welcome to the Ludao premiere

2
00:00:05.000 --> 00:00:10.000
每个分区、每位观众同时看到同一画面
Every instance, every visitor: the same moment

3
00:00:10.000 --> 00:00:15.000
画面上的时间码即播放位置
The timecode on screen is the playing position

4
00:00:15.000 --> 00:00:20.000
每秒一声提示音，可用耳朵检查同步
A pip every second: check the sync by ear

5
00:00:20.000 --> 00:00:25.000
靠近舞台，声音更清楚
Walk closer to the stage to hear it better

6
00:00:25.000 --> 00:00:30.000
鼓浪屿：钢琴之岛，世界文化遗产
Gulangyu: Piano Island, a World Heritage Site

7
00:00:30.000 --> 00:00:35.000
沙坡尾：老渔港变身艺术街区
Shapowei: an old fishing harbour turned arts district

8
00:00:35.000 --> 00:00:40.000
迟到的观众从当前时刻开始观看
A late joiner starts at the current moment

9
00:00:40.000 --> 00:00:45.000
点击“开启声音”收听舞台
Click "sound on" to hear the stage

10
00:00:45.000 --> 00:00:50.000
或选择“2D 观看”全屏播放
Or pick "watch in 2D" for the full-screen player

11
00:00:50.000 --> 00:00:55.000
字幕来自 WebVTT 文件
The captions come from a WebVTT file

12
00:00:55.000 --> 00:01:00.000
感谢观看，下一场见
Thanks for watching, see you at the next session
VTT
ls -l "$here/demo-premiere.mp4" "$here/demo-premiere.vtt"
