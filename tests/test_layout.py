"""The README's "How the code is laid out" lists every module of the package, each once, with a
line saying what it holds — and the arrows between the layers run one way."""

from __future__ import annotations

import ast
import re

from conftest import REPO

PACKAGE = REPO / "src" / "ansinh"
README = (REPO / "README.md").read_text(encoding="utf-8")

# The layers, lowest first: a module may import from its own layer and those below, never above.
LAYERS = [
    ("text", "messages", "language", "numbers", "periods"),
    ("models", "problems", "bases", "project", "parallel"),
    ("checks",),  # the rules of SPEC 4, on models
    ("files",),  # reading files into models, and the loader that runs the checks on them
    ("engine",),
    ("render",),
    ("api", "scaffold", "official_units"),
    ("cli", "__main__"),
]


def listed_modules() -> dict[str, str]:
    section = README.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    modules: dict[str, str] = {}
    folder = ""
    for line in block.splitlines():
        if not line.strip() or line.strip() == "src/ansinh/":
            continue
        match = re.match(r"^( +)(\S+)\s+(.*)$", line)
        assert match, f"a line without a description: {line!r}"
        indent, name, description = match.groups()
        assert description.strip(), name
        inside = len(indent) > 2  # a module of a package is indented under it
        if name.endswith("/"):
            folder = name
            continue
        path = (folder if inside else "") + name
        assert path not in modules, f"{path} listed twice"
        modules[path] = description
    return modules


def test_every_module_is_listed_once_with_what_it_holds() -> None:
    actual = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    listed = set(listed_modules())
    assert listed - actual == set(), "listed in the README but not in the package"
    assert actual - listed == set(), "in the package but not in the README's layout"


def _layer(module: str) -> int:
    parts = module.removeprefix("ansinh.").split(".")
    for index, names in enumerate(LAYERS):
        if parts[0] in names:
            return index
    raise AssertionError(f"{module} is in no layer")


def test_imports_run_down_the_layers() -> None:
    """models -> checks -> files -> engine -> render -> api -> cli: no module imports from a
    layer above its own, at the top or inside a function (type-checking imports aside). The
    checks read models, never the file readers; the cache (files) may load through the loader."""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        module = "ansinh." + path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        module = module.removesuffix(".__init__")
        if module == "ansinh":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        checking = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and id(node) not in checking:
                target = node.module
                if target == "ansinh":  # from ansinh import __version__ / api
                    name = node.names[0].name
                    target = "ansinh.text" if name == "__version__" else f"ansinh.{name}"
                if target.startswith("ansinh.") and _layer(target) > _layer(module):
                    wrong.append(f"{module} imports {target}")
    assert wrong == []
