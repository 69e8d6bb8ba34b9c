import multiprocessing

from kinerja_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch printing's worker processes in a frozen build
    raise SystemExit(main())
