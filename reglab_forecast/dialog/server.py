"""The Voilà command line that serves the dashboard on 127.0.0.1.

Voilà runs ``dashboard.ipynb`` with its code hidden, one kernel per browser tab (each tab its
own state). Kernels of closed tabs are culled (``kernels.DialogKernelManager`` gives a page
time to connect first); one kernel is kept warm, the dashboard already run, so the first page
shows at once. Jupyter's runtime files (kernel connection files) go to a temporary folder that is
removed when the server stops: the app writes nothing else to disk until a download is asked for.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from .app import REGION_ENV

DASHBOARD = Path(__file__).with_name("dashboard.ipynb")
HOST = "127.0.0.1"
DEFAULT_PORT = 8866
CULL_IDLE_SECONDS = 300
CULL_INTERVAL_SECONDS = 60
KERNEL_MANAGER = "reglab_forecast.dialog.kernels.DialogKernelManager"


def voila_argv(port: int, open_browser: bool = False, preheat: bool = True,
               cull_idle: int = CULL_IDLE_SECONDS, cull_interval: int = CULL_INTERVAL_SECONDS
               ) -> list[str]:
    """The command that serves the dashboard on ``HOST:port``. A kernel whose page is gone
    (no connection) and that has been idle ``cull_idle`` seconds is shut down; the check runs
    every ``cull_interval`` seconds. Kernels kept warm in the pool are never culled."""
    argv = [sys.executable, "-m", "voila", str(DASHBOARD), f"--port={port}", f"--Voila.ip={HOST}",
            "--theme=light", "--VoilaConfiguration.show_tracebacks=False",
            f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
            f"--MappingKernelManager.cull_interval={cull_interval}",
            "--MappingKernelManager.cull_connected=False",
            f"--VoilaConfiguration.multi_kernel_manager_class={KERNEL_MANAGER}"]
    if preheat:
        argv += ["--preheat_kernel=True", "--pool_size=1"]
    if not open_browser:
        argv.append("--no-browser")
    return argv


def check_port(port: int) -> int:
    """``port`` if it is free on 127.0.0.1; ``InputError`` with a free one suggested if not."""
    if not 1024 <= port <= 65535:
        raise InputError(f"--port {port}: välj en port mellan 1024 och 65535, t.ex. "
                         f"{DEFAULT_PORT}")
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise InputError(f"--port {port} är upptagen; prova t.ex. --port {free_port()}"
                             ) from error
    return port


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def server_env(region: str, runtime_dir: str) -> dict[str, str]:
    return {**os.environ, REGION_ENV: region, "JUPYTER_RUNTIME_DIR": runtime_dir,
            "MPLBACKEND": "Agg"}


def serve(region: str, port: int, open_browser: bool = True) -> int:
    """Serve the dashboard until interrupted; the exit code of Voilà."""
    with tempfile.TemporaryDirectory(prefix="reglab-dialog-") as runtime:
        process = subprocess.Popen(voila_argv(port, open_browser),
                                   env=server_env(region, runtime))
        try:
            return process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait(timeout=30)
            raise
