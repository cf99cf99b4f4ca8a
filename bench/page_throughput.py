"""Pages per second under gunicorn, cached and uncached, beside a static file and a trivial view.

One command (`make bench-pages`): prepares a PostgreSQL database with the
demo shop, collects static files into a temporary STATIC_ROOT, then for each
worker count starts gunicorn with the production settings twice (page cache
on, page cache off), drives each URL with wrk after a warm-up and prints a
table, the SQL queries per page and the issue's goals as PASS/FAIL.
See bench/README.md and docs/benchmarks.md.
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from page_load import Gunicorn, ensure_wrk, fetch, free_port, run_wrk, status_of
from page_report import GOAL_WORKERS, Row, print_goals, print_table

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vitrina_bench_pages"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
PAGES = ["home", "category", "product", "article", "search"]
BASELINES = ["static", "trivial"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per URL (default 10)")
    parser.add_argument("--warmup", type=int, default=3, help="wrk warm-up per URL before measuring (default 3)")
    parser.add_argument("--workers", default="2,4", help="gunicorn worker counts (default 2,4)")
    parser.add_argument("--only", default=",".join(PAGES),
                        help=f"pages to load, from {','.join(PAGES)}; the two baselines always run")
    parser.add_argument("--cache", default="auto",
                        help="on,off | on | off; auto = on,off when the code has the page cache, else off")
    parser.add_argument("--cache-backend", choices=["auto", "redis", "settings"], default="auto",
                        help="auto = Redis (REDIS_URL) when the redis client and server are there, else the "
                             "settings' default (a file cache in a fresh folder per server run)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: see docs/benchmarks.md)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--conn-max-age", default="600", help="DATABASE_CONN_MAX_AGE for gunicorn (default 600)")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database as it is (no migrate/demo)")
    args = parser.parse_args()
    args.workers = [int(count) for count in args.workers.split(",")]
    args.only = [kind for kind in args.only.split(",") if kind]
    unknown = set(args.only) - set(PAGES)
    if unknown:
        parser.error(f"--only: unknown pages {', '.join(sorted(unknown))}")
    return args


def base_environment(static_root, conn_max_age):
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update({
        "DJANGO_SETTINGS_MODULE": "vitrina.settings.production",
        "DATABASE_URL": os.environ.get("BENCH_PAGES_DATABASE_URL", DEFAULT_DATABASE_URL),
        # A fresh key per run: the benchmark signs nothing that must outlive it.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(static_root),
        # Media of the bench database, apart from `make run`'s (media/ is git-ignored).
        "MEDIA_ROOT": os.environ.get("BENCH_PAGES_MEDIA_ROOT", str(ROOT / "media" / "bench-pages")),
        "LOG_LEVEL": "WARNING",
        # Persistent connections, as a deployment sets them (README: DATABASE_CONN_MAX_AGE).
        "DATABASE_CONN_MAX_AGE": conn_max_age,
        # Used when REDIS_URL is not set; each server run gets a fresh folder of its own.
        "CACHE_DIR": str(static_root.parent / "cache-prepare"),
    })
    return env


def manage(env, *arguments, summary=False, **extra_env):
    started = time.monotonic()
    print(f"$ manage.py {' '.join(arguments)}", flush=True)
    result = subprocess.run([str(PYTHON), "manage.py", *arguments], cwd=ROOT, env={**env, **extra_env},
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    first_line = (result.stdout.strip().splitlines() or [""])[0] if summary else ""
    print(f"  done in {time.monotonic() - started:.0f} s {first_line}", flush=True)


def create_database(database_url):
    import psycopg

    name = database_url.rsplit("/", 1)[1].split("?")[0]
    server_url = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server_url, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            print(f"Creating database {name}", flush=True)
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env, skip_database):
    if not skip_database:
        create_database(env["DATABASE_URL"])
        manage(env, "migrate", "--noinput")
        # Immediate tasks: the search index is filled now, not by a db_worker this script does not run.
        manage(env, "load_demo", summary=True, TASKS_BACKEND="immediate")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def page_cache_in_code():
    """Whether any module of the project reads VITRINA_PAGE_CACHE (the lead's whole-page cache switch)."""
    skipped = {".venv", "bench", "tests", "node_modules"}
    for path in ROOT.rglob("*.py"):
        if not skipped & set(path.relative_to(ROOT).parts) and "VITRINA_PAGE_CACHE" in path.read_text():
            return True
    return False


def cache_modes(choice):
    if choice == "auto":
        return [True, False] if page_cache_in_code() else [False]
    return [{"on": True, "off": False}[mode] for mode in choice.split(",")]


def redis_usable(redis_url):
    client = subprocess.run([str(PYTHON), "-c", "import redis, sys; redis.Redis.from_url(sys.argv[1]).ping()",
                             redis_url], capture_output=True)
    return client.returncode == 0


def cache_environment(choice):
    redis_url = os.environ.get("REDIS_URL", DEFAULT_REDIS_URL)
    if choice == "settings" or (choice == "auto" and not redis_usable(redis_url)):
        return {}, "the settings' default without REDIS_URL (CACHE_DIR: a fresh folder per server run)"
    if not redis_usable(redis_url):
        sys.exit(f"--cache-backend redis: cannot reach {redis_url} with the redis client (pip install redis?)")
    return {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": "vitrina-bench-pages"}, f"Redis ({redis_url})"


def empty_cache(env, folder):
    """Each server run starts from an empty cache: the warm-up, not an earlier run, fills it."""
    if "REDIS_URL" in env:
        subprocess.run([str(PYTHON), "-c", "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()",
                        env["REDIS_URL"]], check=True)
        return env
    return {**env, "CACHE_DIR": str(folder)}


def measure_pages(env, kinds):
    """kind -> {"url", "queries"}, counted in-process with the page cache off."""
    result = subprocess.run([str(PYTHON), "bench/page_urls.py"], cwd=ROOT, capture_output=True, text=True,
                            env={**env, "VITRINA_PAGE_CACHE": "0"})
    if result.returncode != 0:
        sys.exit(f"bench/page_urls.py failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    pages = json.loads(result.stdout)
    return {kind: pages[kind] for kind in BASELINES + kinds}


def check_answers(server, pages):
    for kind, page in pages.items():
        status = status_of(server.base_url + page["url"])
        if status != 200:
            sys.exit(f"{kind} {page['url']} answered {status} under gunicorn; the benchmark needs 200.\n"
                     f"{server.log_tail()}")


def run_server(args, env, workers, cached, pages, port, log_dir):
    name = f"{workers}-{'on' if cached else 'off'}"
    env = empty_cache({**env, "VITRINA_PAGE_CACHE": "1" if cached else "0"}, Path(log_dir) / f"cache-{name}")
    label = f"{workers} workers, page cache {'on' if cached else 'off'}"
    print(f"\n== {label}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    rows = []
    log_path = Path(log_dir) / f"gunicorn-{name}.log"
    # The baselines run first and again last: on a shared machine the load drifts during a run.
    order = list(pages) + BASELINES
    with Gunicorn(workers, port, env, log_path) as server:
        check_answers(server, pages)
        for position, kind in enumerate(order):
            page = pages[kind]
            url = server.base_url + page["url"]
            if position < len(pages):
                run_wrk(url, args.warmup, args.threads, args.connections)
            load = run_wrk(url, args.seconds, args.threads, args.connections)
            # The page cache says whether it served the page; the last answer after the run shows it.
            served_by = fetch(url)[1].get("X-Cache", "-")
            print(f"  {kind:9} {load.requests_per_second:9.1f} req/s  p50 {load.p50_ms:7.2f} ms  "
                  f"p99 {load.p99_ms:7.2f} ms  errors {load.errors}  X-Cache {served_by}", flush=True)
            rows.append(Row(kind, page["url"], workers, cached, load, page["queries"], page["cpu_ms"]))
    print(f"   load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    return rows


def stop_on_sigterm():
    """`kill` and a closed terminal stop the script like Ctrl-C does, so gunicorn is stopped too."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGHUP, handler)


def main():
    args = parse_args()
    stop_on_sigterm()
    ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="vitrina-bench-pages-") as scratch:
        env = base_environment(Path(scratch) / "static", args.conn_max_age)
        cache_env, cache_label = cache_environment(args.cache_backend)
        env.update(cache_env)
        prepare(env, args.skip_prepare)
        modes = cache_modes(args.cache)
        if True not in modes:
            print("\nPage cache: not measured (no module reads VITRINA_PAGE_CACHE yet, or --cache off).")
        pages = measure_pages(env, args.only)
        port = free_port()
        print(f"Cache backend: {cache_label}; wrk -t{args.threads} -c{args.connections}, "
              f"{args.warmup} s warm-up + {args.seconds} s per URL; {os.cpu_count()} cores")
        rows = []
        for workers in args.workers:
            for cached in modes:
                rows += run_server(args, env, workers, cached, pages, port, scratch)
    print_table(rows)
    if GOAL_WORKERS not in args.workers:
        print(f"\nGoals are set for {GOAL_WORKERS} workers: run with --workers {GOAL_WORKERS} to check them.")
        return 0
    return 0 if print_goals(rows) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("\nStopped: gunicorn was shut down.")
