"""Serves the demo site (web/site) for `make run`: files only.

Python's ``http.server`` lists any directory without an index.html and names
the Python version in its Server header; this handler answers a directory
without an index with a 404 and calls itself "vraagwijzer-demo".

    python scripts/serve_site.py --port 8080 --directory web/site
"""

from __future__ import annotations

import argparse
import functools
import os
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

SERVER_NAME = "vraagwijzer-demo"


class SiteHandler(SimpleHTTPRequestHandler):
    server_version = SERVER_NAME
    sys_version = ""

    def list_directory(self, path: Any) -> Optional[Any]:
        self.send_error(404, "Not found")
        return None

    def version_string(self) -> str:
        return SERVER_NAME


def serve(port: int, directory: str, host: str = "127.0.0.1") -> None:
    handler = functools.partial(SiteHandler, directory=os.path.abspath(directory))
    with ThreadingHTTPServer((host, port), handler) as server:
        server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--directory", default="web/site")
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args()
    serve(args.port, args.directory, args.bind)


if __name__ == "__main__":
    main()
