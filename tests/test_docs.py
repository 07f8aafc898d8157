"""Generated docs match the code, and the README's commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import re

import pytest

from .conftest import ROOT, SAMPLE

pytestmark = pytest.mark.issue(2)


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "regenerate_docs", ROOT / "scripts" / "regenerate_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["docs/cli.md", "docs/example-record.json"])
def test_generated_docs_are_current(name: str) -> None:
    if (
        name.endswith(".json")
        and SAMPLE.resolve() != (ROOT.parent / "shared/samples" / SAMPLE.name).resolve()
    ):
        pytest.skip("the example record names the sample by its path beside the repository")
    generated = _generator().GENERATED[name]()
    assert (ROOT / name).read_text(encoding="utf-8") == generated, (
        f"{name} is out of date: run python scripts/regenerate_docs.py"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- test-command -->\s*```(?:sh|bash|console)?\n(.+?)\n```", readme, re.S)
    assert found, "README.md must show the test command after <!-- test-command -->"
    command = found.group(1).strip()
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
