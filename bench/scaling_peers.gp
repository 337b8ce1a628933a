# Log–log plot of bench/scale_peers.py: CPU time of icl-kernel, coqc, z3 and sympy per family.
# gnuplot -e "datafile='…'; outfile='…'; nfam=N; ntool=4; fams='ring psatz …'; titles='t1|t2|…'" bench/scaling_peers.gp
# datafile: one block per (family, tool) in that order (separated by two blank lines); columns: terms,
# CPU seconds (the cap for a run that was stopped), 1 if stopped at the cap (drawn as an open triangle).
# Tools: icl-kernel (CLI), coqc, z3, sympy, icl in-process (dashed: icl-bench check-file, load + check + witness).
set terminal pngcairo size 1500,900 font "DejaVu Sans,10"
set output outfile
set logscale xy
set grid xtics ytics lc rgb "#dddddd"
set key top left font ",8" box opaque
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [500:300000]
set yrange [0.005:2000]
colors = "#1f77b4 #d62728 #2ca02c #ff7f0e #1f77b4"
dts = "1 1 1 1 2"
tit(k) = system(sprintf("echo '%s' | cut -d'|' -f%d", titles, k))
cols = ceil(nfam / 2.0)
set multiplot layout 2,cols title "Peers at scale: CPU seconds per check (open triangle: stopped at the cap; legend: fitted exponent, time ∝ terms^b; dashed: icl in-process = front end + kernel + witness)"
do for [f=1:nfam] {
  set title word(fams, f)
  set xlabel "terms after normalisation"
  set ylabel "CPU seconds"
  plot for [t=1:ntool] datafile index ((f-1)*ntool + t - 1) using 1:($3 == 0 ? $2 : 1/0) with linespoints lw 2 dt int(word(dts, t)) pt (t == 5 ? 6 : 7) ps 0.9 lc rgb word(colors, t) title tit((f-1)*ntool + t), \
       for [t=1:ntool] datafile index ((f-1)*ntool + t - 1) using 1:($3 == 1 ? $2 : 1/0) with points pt 8 ps 1.6 lc rgb word(colors, t) notitle
}
unset multiplot
