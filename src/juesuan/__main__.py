"""`python -m juesuan` is the `juesuan` command."""

from juesuan.cli import main

main()
