"""Run a peer script with time.perf_counter replaced by time.process_time, so its per-epoch
figures are CPU seconds of its own process, comparable with `bench/runTask.ts --clock cpu` on a
machine shared with other work.   python3 bench/cpuclock.py peer_torch.py --task F ...
"""
import os
import runpy
import sys
import time

time.perf_counter = time.process_time
script = os.path.abspath(sys.argv[1])
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(script))
runpy.run_path(script, run_name="__main__")
