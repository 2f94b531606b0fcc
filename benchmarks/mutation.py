"""Mutation testing of the clinical rule modules: does the fast test suite notice a wrong rule?

Run on demand, never as part of the test suite:

    python benchmarks/mutation.py                      # every rule module (long: hours on a laptop)
    python benchmarks/mutation.py src/backstride/core/questionnaires/oswestry.py
    python benchmarks/mutation.py MODULE --list        # only list the mutants
    python benchmarks/mutation.py MODULE --jobs 2 --timeout-factor 4
    python benchmarks/mutation.py --sample 200 --seed 1  # a random sample of every rule module's mutants

Each mutant is one small change to one module, made on the syntax tree: a comparison flipped at its boundary
(< and <=, == and !=, in and not in), an integer constant one up or one down, a decimal constant 0.1 up or
down, True and False swapped, and/or swapped, + and -, * and / swapped, a condition negated, a returned value
replaced by None. Each is written into its own copy of the tree and the chosen tests run against it
(pytest -x, with a timeout from the unmutated run). A mutant the tests still pass "survived": either a test is
missing, or the change makes no difference (an equivalent mutant; list those in docs/mutation-survivors.md
with the reason). The survivors are written to test-output/mutation-survivors.txt.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULE_MODULES = [
    "src/backstride/core/screening",
    "src/backstride/core/questionnaires",
    "src/backstride/core/tracking/thresholds.py",
    "src/backstride/core/tracking/attention.py",
    "src/backstride/core/tracking/adapt.py",
    "src/backstride/core/planner/running.py",
    "src/backstride/core/planner/selection.py",
    "src/backstride/core/planner/days.py",
]
# The fast tests: the pure core, plus the few database tests that drive the adaptation end to end.
UNIT_TESTS = "tests/unit"
TRACKING_TESTS = [
    "tests/integration/test_twelve_week_scenario.py",
    "tests/integration/test_red_flag_pause.py",
    "tests/clinic/test_roster_from_logs.py",
]
SURVIVORS = ROOT / "test-output" / "mutation-survivors.txt"
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".hypothesis", ".pytest_cache", ".ruff_cache", "test-output", "*.sqlite3*"
)
# Property tests run with fewer generated examples here than in the suite, so a survivor costs seconds, not minutes.
PROPERTY_EXAMPLES = 20
PYTEST = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis", "-p", "no:anyio"]

FLIPPED_COMPARISON = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SWAPPED_OPERATOR = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.And: "and",
    ast.Or: "or",
}


@dataclass(frozen=True)
class Mutant:
    path: Path  # relative to the tree
    index: int  # the index-th mutation point of the module, in walking order
    line: int
    change: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.change}"


class _Mutator(ast.NodeTransformer):
    """Walks a module in a fixed order; lists its mutation points, or applies the one numbered `target`."""

    def __init__(self, target: int | None = None):
        self.target = target
        self.points: list[tuple[int, str]] = []

    def _point(self, node: ast.AST, change: str) -> bool:
        """Record a mutation point; True when it is the one to apply."""
        self.points.append((getattr(node, "lineno", 0), change))
        return len(self.points) - 1 == self.target

    # -- what is never mutated: docstrings, annotations, type-checking imports ---------------------
    def visit_Expr(self, node: ast.Expr):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node
        return self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign):
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_arg(self, node: ast.arg):
        return node

    def visit_FunctionDef(self, node):
        # decorators (dataclass(frozen=True) and the like) and annotations stay as they are
        node.args = self.visit(node.args)
        node.body = [self.visit(s) for s in node.body]
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef):
        node.body = [self.visit(s) for s in node.body]
        return node

    def visit_If(self, node: ast.If):
        test = ast.unparse(node.test)
        if test in ("TYPE_CHECKING", "__name__ == '__main__'"):
            return node
        node = self.generic_visit(node)
        if self._point(node, f"if {test}  ->  if not ({test})"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    # -- the mutations ------------------------------------------------------------------------------
    def visit_While(self, node: ast.While):
        node = self.generic_visit(node)
        if self._point(node, f"while {ast.unparse(node.test)}  ->  while not (...)"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_IfExp(self, node: ast.IfExp):
        node = self.generic_visit(node)
        if self._point(node, f"... if {ast.unparse(node.test)} else ...  ->  condition negated"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_Compare(self, node: ast.Compare):
        node = self.generic_visit(node)
        for i, op in enumerate(node.ops):
            new = FLIPPED_COMPARISON.get(type(op))
            which = f" (comparison {i + 1})" if len(node.ops) > 1 else ""
            if new and self._point(node, f"{SYMBOL[type(op)]}  ->  {SYMBOL[new]}{which}  in  {ast.unparse(node)}"):
                node.ops[i] = new()
        return node

    def visit_BoolOp(self, node: ast.BoolOp):
        node = self.generic_visit(node)
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        if self._point(node, f"{SYMBOL[type(node.op)]}  ->  {SYMBOL[new]}  in  {ast.unparse(node)}"):
            node.op = new()
        return node

    def visit_BinOp(self, node: ast.BinOp):
        node = self.generic_visit(node)
        new = SWAPPED_OPERATOR.get(type(node.op))
        if new and self._point(node, f"{SYMBOL[type(node.op)]}  ->  {SYMBOL[new]}  in  {ast.unparse(node)}"):
            node.op = new()
        return node

    def visit_Return(self, node: ast.Return):
        node = self.generic_visit(node)
        # a returned constant is mutated as a constant; None in its place would mostly mean the same
        dropped = node.value is not None and not isinstance(node.value, ast.Constant)
        if dropped and self._point(node, f"return {ast.unparse(node.value)}  ->  return None"):
            node.value = ast.Constant(None)
        return node

    def visit_Constant(self, node: ast.Constant):
        value = node.value
        if isinstance(value, bool):
            if self._point(node, f"{value}  ->  {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int):
            for new in (value + 1, value - 1):
                if self._point(node, f"{value}  ->  {new}"):
                    return ast.copy_location(ast.Constant(new), node)
        elif isinstance(value, float):
            for new in (round(value + 0.1, 10), round(value - 0.1, 10)):
                if self._point(node, f"{value}  ->  {new}"):
                    return ast.copy_location(ast.Constant(new), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr):
        return node  # f-strings: wording, not rules


def mutants_of(path: Path) -> list[Mutant]:
    mutator = _Mutator()
    mutator.visit(ast.parse((ROOT / path).read_text()))
    return [Mutant(path, i, line, change) for i, (line, change) in enumerate(mutator.points)]


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse((ROOT / mutant.path).read_text())
    tree = _Mutator(mutant.index).visit(copy.deepcopy(tree))
    return ast.unparse(ast.fix_missing_locations(tree))


def module_files(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = (ROOT / target).resolve()
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [f.relative_to(ROOT) for f in found if f.name != "__init__.py" or f.stat().st_size > 200]
    return files


def tests_for(module: Path, chosen: list[str] | None) -> list[str]:
    """The test files to run against a mutant of this module: the ones that name it first, so -x stops early."""
    if chosen:
        return chosen
    files = sorted((ROOT / UNIT_TESTS).glob("test_*.py"))
    stem = module.stem
    named = [f for f in files if re.search(rf"\b{stem}\b", f.read_text())]
    ordered = [str(f.relative_to(ROOT)) for f in named + [f for f in files if f not in named]]
    if "tracking" in module.parts:
        ordered += [t for t in TRACKING_TESTS if (ROOT / t).exists()]
    return ordered


def run_tests(tree: Path, tests: list[str], timeout: float | None) -> tuple[str, float]:
    """'passed', 'failed' or 'timeout', and the seconds it took."""
    # the embedded SQLite database in memory, whatever this shell points at; and never a stale bytecode file
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB")}
    env |= {"PYTHONPATH": str(tree / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env["BACKSTRIDE_PROPERTY_EXAMPLES"] = str(PROPERTY_EXAMPLES)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", *PYTEST, *tests],
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - started
    return ("passed" if result.returncode == 0 else "failed"), time.monotonic() - started


def make_tree(base: Path, name: str) -> Path:
    tree = base / name
    shutil.copytree(ROOT, tree, ignore=COPY_IGNORE, symlinks=True)
    return tree


def check_the_copy_is_imported(tree: Path) -> None:
    env = os.environ | {"PYTHONPATH": str(tree / "src")}
    where = subprocess.run(
        [sys.executable, "-c", "import backstride; print(backstride.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).resolve().is_relative_to(tree.resolve()):
        sys.exit(f"mutation: the tests would import {where}, not the mutated copy in {tree}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files or folders to mutate (default: the rule modules)")
    parser.add_argument("--tests", nargs="+", help="test files to run (default: tests/unit, the module's first)")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, (os.cpu_count() or 2) // 2)))
    parser.add_argument("--timeout-factor", type=float, default=3.0, help="timeout: this times the clean run")
    parser.add_argument("--survivors", type=Path, default=SURVIVORS, help="where to write the survivors")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--sample", type=int, help="run only this many mutants, drawn at random (an estimate)")
    parser.add_argument("--seed", type=int, default=0, help="the random draw's seed, so a sample can be repeated")
    args = parser.parse_args(argv)

    files = module_files(args.modules or RULE_MODULES)
    mutants = [m for f in files for m in mutants_of(f)]
    total = len(mutants)
    if args.sample and args.sample < total:
        import random

        mutants = random.Random(args.seed).sample(mutants, args.sample)  # in drawn order: any prefix is random too
        files = [f for f in files if any(m.path == f for m in mutants)]
    if args.list:
        for mutant in mutants:
            print(mutant)
        print(f"{len(mutants)} mutants in {len(files)} modules")
        return 0

    with tempfile.TemporaryDirectory(prefix="backstride-mutation-") as base:
        trees = [make_tree(Path(base), f"tree{i}") for i in range(args.jobs)]
        check_the_copy_is_imported(trees[0])
        timeouts: dict[Path, float] = {}
        clean: dict[frozenset[str], float] = {}  # the same tests in another order take the same time
        for f in files:
            tests = tests_for(f, args.tests)
            if frozenset(tests) not in clean:
                outcome, seconds = run_tests(trees[0], tests, None)
                if outcome != "passed":
                    print(f"mutation: the tests fail without any mutant for {f}; fix them first", file=sys.stderr)
                    return 2
                clean[frozenset(tests)] = seconds
            seconds = clean[frozenset(tests)]
            timeouts[f] = max(seconds * args.timeout_factor, seconds + 30)
            print(f"{f}: clean run {seconds:.1f} s, {sum(m.path == f for m in mutants)} mutants", flush=True)

        free = list(trees)
        results: dict[Mutant, str] = {}

        def run(mutant: Mutant) -> str:
            tree = free.pop()
            target = tree / mutant.path
            original = target.read_text()
            try:
                target.write_text(mutated_source(mutant))
                return run_tests(tree, tests_for(mutant.path, args.tests), timeouts[mutant.path])[0]
            finally:
                target.write_text(original)
                free.append(tree)

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run, m): m for m in mutants}
            for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
                mutant = futures[future]
                results[mutant] = {"failed": "killed", "passed": "survived"}.get(future.result(), "timeout")
                print(f"[{done}/{len(mutants)}] {results[mutant]:8} {mutant}", flush=True)

    survivors = sorted((m for m, r in results.items() if r == "survived"), key=lambda m: (str(m.path), m.index))
    counts = {k: sum(r == k for r in results.values()) for k in ("killed", "survived", "timeout")}
    score = 100 * (counts["killed"] + counts["timeout"]) / len(results) if results else 100.0
    args.survivors.parent.mkdir(parents=True, exist_ok=True)
    args.survivors.write_text("".join(f"{m}\n" for m in survivors))
    drawn = f" (a random sample of {total}, seed {args.seed})" if len(results) < total else ""
    print(
        f"\n{len(results)} mutants{drawn}: {counts['killed']} killed, {counts['survived']} survived, "
        f"{counts['timeout']} timed out; {score:.1f} % caught. Survivors: {args.survivors}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
