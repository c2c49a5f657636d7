"""``python -m ansinh``."""

from ansinh.cli.app import run

run()
