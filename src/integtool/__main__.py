"""Allows `python -m integtool`."""

from integtool.cli import main

main()
