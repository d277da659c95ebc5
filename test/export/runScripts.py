"""Runs several exported scripts in one Python process (torch is imported once).

Reads a JSON list of {"script": path, "args": [...]} on stdin; prints one JSON line per script:
{"script": path, "code": exit code, "stderr": last error text}.
"""
import contextlib
import io
import json
import runpy
import sys

for job in json.load(sys.stdin):
    sys.argv = [job["script"], *job["args"]]
    err, code = io.StringIO(), 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(job["script"], run_name="__main__")
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        except Exception as e:  # a bug in the script: report it, go on with the next
            code, _ = 1, err.write(repr(e))
    print(json.dumps({"script": job["script"], "code": code, "stderr": err.getvalue()[-2000:]}), flush=True)
