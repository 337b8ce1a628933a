# Log–log plot of the scaling families (called by bench/run.py).
# gnuplot -e "datafile='…'; outfile='…'; nfam=N; names='a b c'; titles='…|…'; tfits='…|…'; mfits='…|…'" bench/scaling.gp
# datafile: one block per family (separated by two blank lines), columns: terms, check ms, peak RSS MB,
# checker MB (peak minus RSS after the input was built).
set terminal pngcairo size 1400,560 font "DejaVu Sans,10"
set output outfile
set logscale xy
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set key top left box opaque font ",9"
set format x "10^{%L}"
set format y "10^{%L}"
set xlabel "terms after normalisation"
colors = "#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b"
title(i) = sprintf("%s %s", word(names, i), word(tfits, i))
mtitle(i) = sprintf("%s %s", word(names, i), word(mfits, i))
set multiplot layout 1,2 title "icl-kernel: check\\_theorem on generated valid certificates (median CPU time, peak memory)"

set ylabel "check time, CPU (ms)"
set title "time"
plot for [i=1:nfam] datafile index (i-1) using 1:2 with linespoints lw 2 pt 7 ps 0.8 lc rgb word(colors, i) title title(i), \
     1000 with lines dt 2 lc rgb "black" title "1 s"

set ylabel "memory (MB)"
set title "memory: peak RSS (solid), checker's own working set (dashed)"
plot for [i=1:nfam] datafile index (i-1) using 1:3 with linespoints lw 2 pt 7 ps 0.8 lc rgb word(colors, i) title mtitle(i), \
     for [i=1:nfam] datafile index (i-1) using 1:($4 > 0.1 ? $4 : 1/0) with linespoints dt 2 lw 1 pt 6 ps 0.6 lc rgb word(colors, i) notitle
unset multiplot
