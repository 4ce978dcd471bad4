"""Run every benchmark module of this package that defines main(): `python -m bench`."""

import importlib
import pkgutil
import sys

import bench


def run_all():
    status = 0
    for module_info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda info: info.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module("bench.%s" % module_info.name)
        if hasattr(module, "main"):
            print("== bench.%s" % module_info.name, flush=True)
            status = module.main([]) or status
    return status


if __name__ == "__main__":
    sys.exit(run_all())
