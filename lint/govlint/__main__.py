from govlint.cli import run

run()
