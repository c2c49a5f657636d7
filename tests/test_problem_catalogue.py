"""The problem catalogue (``ansinh.problems.CODES``) is true to the code: each code names, in both
languages, what it means, and lists the messages (keys of ``ansinh.messages``) its problems say."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ansinh.messages import MESSAGES
from ansinh.problems import CODES, Severity
from conftest import REPO

SOURCE = REPO / "src" / "ansinh"


def test_every_code_is_documented_in_both_languages() -> None:
    for code in CODES.values():
        assert code.severity in (Severity.ERROR, Severity.WARNING), code.id
        for words in (code.title, code.meaning):
            assert words.en and words.vi, code.id
            # Vietnamese without its diacritics is another, ambiguous language.
            assert any(ord(char) > 0x7F for char in words.vi), f"{code.id}: {words.vi!r} has no diacritics"
        assert code.meaning.en.endswith("."), code.id
        assert code.meaning.vi.endswith("."), code.id


def test_every_listed_message_exists_and_belongs_to_one_code() -> None:
    owner: dict[str, str] = {}
    for code in CODES.values():
        assert code.messages, f"{code.id} lists no message"
        for key in code.messages:
            assert key in MESSAGES, f"{code.id} lists {key}, which is not in ansinh.messages"
            assert key not in owner, f"{key} is listed by {owner.get(key)} and {code.id}"
            owner[key] = code.id


# --- what the source says -----------------------------------------------------------------------


class Unresolved(Exception):
    """An expression the scan cannot follow to its string constants."""


@dataclass(frozen=True)
class Site:
    """One place that makes a problem: the codes it may have, and the message keys it may say."""

    where: str
    codes: frozenset[str]
    keys: frozenset[str]


Scope = ast.AST  # a function, or a module
Env = dict[str, "Bound"]


@dataclass(frozen=True)
class Bound:
    """An argument a function was called with: the expression, and where it was written."""

    expr: ast.expr
    scope: Scope
    env: Env


@dataclass
class Scan:
    """The source of ansinh, parsed, with what the scan needs to follow a value back."""

    modules: dict[Path, ast.Module] = field(default_factory=dict)
    parent: dict[ast.AST, ast.AST] = field(default_factory=dict)
    module_of: dict[ast.AST, Path] = field(default_factory=dict)
    functions: dict[str, list[ast.FunctionDef]] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path) -> Scan:
        scan = cls()
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            scan.modules[path] = tree
            for node in ast.walk(tree):
                scan.module_of[node] = path
                for child in ast.iter_child_nodes(node):
                    scan.parent[child] = node
                if isinstance(node, ast.FunctionDef):
                    scan.functions.setdefault(node.name, []).append(node)
        return scan

    def scope_of(self, node: ast.AST) -> Scope:
        current = self.parent.get(node)
        while current is not None and not isinstance(current, ast.FunctionDef | ast.Module):
            current = self.parent.get(current)
        assert current is not None
        return current

    def where(self, node: ast.AST) -> str:
        path = self.module_of[node].relative_to(REPO)
        return f"{path}:{getattr(node, 'lineno', '?')}"

    # Following a value back to its constants ----------------------------------------------------

    def assigned(self, name: str, scope: Scope, before: int) -> list[ast.expr]:
        """The values ``name = value`` gives ``name`` in a function above line ``before``, or at
        the top of a module; none when it is also bound otherwise there (unpacked, a loop's
        target...): then it is not known."""
        values = []
        nodes = scope.body if isinstance(scope, ast.Module) else ast.walk(scope)
        for node in nodes:
            if getattr(node, "lineno", 0) >= before:
                continue
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(target, ast.Name) and target.id == name for target in targets):
                    values.append(node.value)
                    continue
                bound = targets
            elif isinstance(node, ast.AugAssign | ast.For | ast.comprehension | ast.NamedExpr):
                bound = [node.target]
            elif isinstance(node, ast.withitem):
                bound = [node.optional_vars] if node.optional_vars is not None else []
            else:
                continue
            if any(isinstance(each, ast.Name) and each.id == name for target in bound for each in ast.walk(target)):
                return []
        return values

    def held(self, name: ast.Name, scope: Scope, env: Env) -> list[Bound]:
        """What a name may hold: the argument it is bound to, else what it is assigned above in
        its function, else (a function's name not assigned there) at the top of its module."""
        if name.id in env:
            return [env[name.id]]
        values = [Bound(value, scope, env) for value in self.assigned(name.id, scope, name.lineno)]
        if not values and not isinstance(scope, ast.Module):
            module = self.modules[self.module_of[scope]]
            if not any(isinstance(node, ast.arg) and node.arg == name.id for node in ast.walk(scope)):
                values = [Bound(value, module, {}) for value in self.assigned(name.id, module, 1 << 30)]
        return values

    def strings(self, expr: ast.expr, scope: Scope, env: Env, depth: int = 0) -> set[str]:
        """The string constants ``expr`` may be: a literal, either side of ``a if c else b``, an
        f-string of such values, any value of a dict literal (``NAMES[x]``, ``NAMES.get(x)``), or
        what a name holds (``held``)."""
        if depth > 12:
            raise Unresolved(self.where(expr))
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return {expr.value}
        if isinstance(expr, ast.IfExp):
            return self.strings(expr.body, scope, env, depth + 1) | self.strings(expr.orelse, scope, env, depth + 1)
        if isinstance(expr, ast.JoinedStr):
            return self.formatted(expr, scope, env, depth)
        table, default = None, set()  # NAMES[x], or NAMES.get(x) and its default
        if isinstance(expr, ast.Subscript):
            table = expr.value
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get":
            table = expr.func.value
            if len(expr.args) > 1:
                default = self.strings(expr.args[1], scope, env, depth + 1)
        if isinstance(table, ast.Name):
            dicts = [bound for bound in self.held(table, scope, env) if isinstance(bound.expr, ast.Dict)]
            if dicts:
                return default | {
                    string
                    for each in dicts
                    for value in each.expr.values  # type: ignore[attr-defined]
                    for string in self.strings(value, each.scope, each.env, depth + 1)
                }
        if isinstance(expr, ast.Name):
            values = self.held(expr, scope, env)
            if values:
                return set().union(*(self.strings(each.expr, each.scope, each.env, depth + 1) for each in values))
        raise Unresolved(self.where(expr))

    def formatted(self, expr: ast.JoinedStr, scope: Scope, env: Env, depth: int) -> set[str]:
        """The strings an f-string of such values may be."""
        found = {""}
        for part in expr.values:
            if isinstance(part, ast.FormattedValue) and part.format_spec is None and part.conversion == -1:
                pieces = self.strings(part.value, scope, env, depth + 1)
            elif isinstance(part, ast.Constant):
                pieces = {str(part.value)}
            else:
                raise Unresolved(self.where(expr))
            found = {start + piece for start in found for piece in pieces}
        return found

    def keys(self, expr: ast.expr, scope: Scope, env: Env, depth: int = 0) -> set[str]:
        """The message keys of the ``Text`` that ``expr`` builds. Followed: ``t(key, ...)`` with
        the key as ``strings`` follows it; a name (``held``); a call of a function of ansinh (its
        returns, with its arguments bound); ``error.text`` of ``except SomeError as error`` (the
        texts that ``SomeError(...)`` is raised with anywhere)."""
        if depth > 12:
            raise Unresolved(self.where(expr))
        if isinstance(expr, ast.IfExp):
            return self.keys(expr.body, scope, env, depth + 1) | self.keys(expr.orelse, scope, env, depth + 1)
        if isinstance(expr, ast.Name):
            values = self.held(expr, scope, env)
            if values:
                return set().union(*(self.keys(each.expr, each.scope, each.env, depth + 1) for each in values))
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
            if expr.func.id == "t" and expr.args:
                return self.strings(expr.args[0], scope, env, depth + 1)
            function = self.function(expr.func.id, scope)
            if function is not None:
                return self.returned_keys(function, self.bind(function, expr, scope, env), depth + 1)
        if isinstance(expr, ast.Attribute) and expr.attr == "text" and isinstance(expr.value, ast.Name):
            raised = self.caught(expr.value.id, scope)
            if raised:
                return set().union(*(self.raised_keys(name, depth + 1) for name in raised))
        raise Unresolved(self.where(expr))

    def function(self, name: str, scope: Scope) -> ast.FunctionDef | None:
        """The function ``name`` called from ``scope``: of the same module, else the only one."""
        found = self.functions.get(name, [])
        local = [each for each in found if self.module_of[each] == self.module_of[scope]]
        if len(local) == 1:
            return local[0]
        return found[0] if len(found) == 1 and not local else None

    def bind(self, function: ast.FunctionDef, call: ast.Call, scope: Scope, env: Env) -> Env:
        arguments = function.args
        positional = [*arguments.posonlyargs, *arguments.args]
        bound: Env = {}
        names = [parameter.arg for parameter in positional]
        defaults = dict(zip(names[len(names) - len(arguments.defaults) :], arguments.defaults, strict=True))
        for parameter, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
            if default is not None:
                defaults[parameter.arg] = default
        for name, default in defaults.items():
            bound[name] = Bound(default, function, {})
        for parameter, argument in zip(positional, call.args, strict=False):
            if not isinstance(argument, ast.Starred):
                bound[parameter.arg] = Bound(argument, scope, env)
        for keyword in call.keywords:
            if keyword.arg is not None:
                bound[keyword.arg] = Bound(keyword.value, scope, env)
        return bound

    def returned_keys(self, function: ast.FunctionDef, env: Env, depth: int) -> set[str]:
        keys: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                if isinstance(node.value, ast.Constant) and node.value.value is None:
                    continue
                if self.scope_of(node) is function:
                    keys |= self.keys(node.value, function, env, depth)
        return keys

    def caught(self, name: str, scope: Scope) -> list[str]:
        """The exception classes a name is bound to by ``except ... as name`` in ``scope``."""
        classes = []
        for node in ast.walk(scope):
            if isinstance(node, ast.ExceptHandler) and node.name == name and node.type is not None:
                types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                classes += [each.id for each in types if isinstance(each, ast.Name)]
        return classes

    def raised_keys(self, exception: str, depth: int) -> set[str]:
        keys: set[str] = set()
        for tree in self.modules.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    call = node.exc
                    if isinstance(call.func, ast.Name) and call.func.id == exception and call.args:
                        keys |= self.keys(call.args[0], self.scope_of(node), {}, depth)
        return keys

    # The places that make problems ---------------------------------------------------------------

    def codes(self, expr: ast.expr, scope: Scope) -> frozenset[str]:
        """The problem codes ``expr`` may be, or none when it is not (only) codes."""
        if not isinstance(expr, ast.Constant | ast.IfExp | ast.Name):
            return frozenset()
        try:
            found = self.strings(expr, scope, {})
        except Unresolved:
            return frozenset()
        return frozenset(found) if found and found <= CODES.keys() else frozenset()

    def sites(self) -> Iterator[Site | Unresolved]:
        """Every ``f(..., "code", text, ...)`` and ``return "code", text``: the text is the
        argument right after the code."""
        for tree in self.modules.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id == "Code"):
                    values = list(node.args)  # (the catalogue itself, Code(...), is no place)
                elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
                    values = list(node.value.elts)
                else:
                    continue
                scope = self.scope_of(node)
                for position, value in enumerate(values[:-1]):
                    codes = self.codes(value, scope)
                    if codes:
                        try:
                            keys = self.keys(values[position + 1], scope, {})
                        except Unresolved as unresolved:
                            yield unresolved
                        else:
                            yield Site(self.where(node), codes, frozenset(keys))


@pytest.fixture(scope="module")
def sites() -> list[Site]:
    found = list(Scan.of(SOURCE).sites())
    unresolved = [str(each) for each in found if isinstance(each, Unresolved)]
    assert not unresolved, (
        "the scan cannot follow the message of a problem back to its key at "
        f"{', '.join(unresolved)}: build it with t('key', ...) there, or teach Scan.keys to follow it"
    )
    return [each for each in found if isinstance(each, Site)]


def test_every_problem_says_a_message_its_code_lists(sites: list[Site]) -> None:
    """Each place that makes a problem says only messages its code lists.

    The scan reads the source (``ast``), not the running code. It finds a code where a string
    constant that is a code (or a name assigned only codes, or ``a if c else b`` of codes) is an
    argument of a call, or the first value a function returns, and takes the argument right after
    it as the message, following it through ``t("key")``, names assigned above in the same
    function or at the top of the module, f-strings and dict literals of keys, calls of ansinh's
    own functions (with their arguments), and ``error.text`` of an ``except`` (the texts the
    exception is raised with anywhere). It over-approximates: every assignment above a use
    counts, every value of a dict, both sides of an ``if``. It does not see a problem whose code is
    passed on through a parameter (``Findings.add``, ``_RowChecker.add``): those are checked where
    the code is written. Where a site may have several codes (``code = "a" if c else "b"``), each
    key must be listed by one of them, as the scan cannot pair them. A message it cannot follow
    fails the ``sites`` fixture, naming the place."""
    assert len(sites) > 100, "the scan found too few places that make problems"
    wrong = [
        f"{site.where}: {' or '.join(sorted(site.codes))} says {key}"
        for site in sites
        for key in sorted(site.keys)
        if not any(key in CODES[code].messages for code in site.codes)
    ]
    assert not wrong, "add these keys to the code's messages in ansinh.problems:\n" + "\n".join(wrong)


def test_every_listed_message_is_said_by_a_problem_of_its_code(sites: list[Site]) -> None:
    said = {(code, key) for site in sites for code in site.codes for key in site.keys}
    stale = [f"{code.id}: {key}" for code in CODES.values() for key in code.messages if (code.id, key) not in said]
    assert not stale, "no problem of these codes says these messages: remove them from ansinh.problems\n" + "\n".join(
        stale
    )
