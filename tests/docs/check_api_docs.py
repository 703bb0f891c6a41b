#!/usr/bin/env python3
"""Fails when a public C or C++ symbol is missing from the API references in docs/.

The symbols come from the public headers, parsed by libclang (Debian package python3-clang-16,
installed by scripts/setup.sh), so macros, templates and access specifiers are read as the
compiler reads them:

- C (include/quiver/c/**/*.h): every quiver_* function, every quiver_* type (typedef) and every
  QUIVER_* enumerator.
- C++ (include/quiver/*.h, include/quiver/binary/*.h, include/quiver/expression/*.h): every class,
  struct, enum, type alias, concept, free function (operators included) and namespace-scope
  constant, and every public member function, nested type and member operator of those classes.
  Constructors, destructors, assignment operators and forward-declared (opaque) types are left
  out: they are no contract of their own.

A symbol counts as documented when it appears in an inline code span (`like_this(...)`) of one
of the reference pages (REFERENCE_PAGES), or is declared in a signature block there (a fenced
line "<type> name(" or a typedef); being called in a fenced example is not enough. A member function m
of class C counts when `C::m` appears in such a span anywhere, or `m` appears in a span inside a
section whose heading (or an enclosing heading) names C; an override also counts when the base
class's member is documented. The reverse is checked for C: every quiver_* or QUIVER_* name in
those pages must exist in the headers (except the few non-API names in NOT_API), so a renamed or
removed function cannot linger in the docs.

Usage: check_api_docs.py [--root DIR] [--list]    (--list prints every extracted symbol)
Exit status: 0 when everything is documented, 1 otherwise (each missing symbol is named).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE_PAGES = ["cpp_api*.md", "c_api*.md", "binary.md", "expressions.md"]

# quiver_* / QUIVER_* words that appear in the reference pages without being C API symbols.
NOT_API = {
    "quiver_c",  # the library / pkg-config module
    "quiver_cli",
    "quiver_database",  # the log file quiver_database.log
    "QUIVER_C_API",  # export macros (documented under "Headers and linking")
    "QUIVER_C_EXPORTS",
    "QUIVER_API",
    "QUIVER_EXPORTS",
    "QUIVER_STATIC",
    "QUIVER_INSTALL",  # CMake options (docs/install.md), like QUIVER_BUILD_* below
}
NOT_API_PATTERN = re.compile(r"QUIVER_BUILD_[A-Z_]+")


def load_cindex():
    try:
        import clang.cindex as cindex  # type: ignore[import-not-found]
    except ImportError:
        # Debian installs the bindings for its own interpreter; they are pure Python.
        for extra in ("/usr/lib/python3/dist-packages", "/usr/lib/python3.11/dist-packages"):
            if extra not in sys.path:
                sys.path.append(extra)
        try:
            import clang.cindex as cindex  # type: ignore[import-not-found]
        except ImportError:
            sys.exit("check_api_docs: the libclang Python bindings are missing "
                     "(apt-get install python3-clang-16, or run scripts/setup.sh)")
    return cindex


@dataclass(frozen=True)
class Symbol:
    kind: str  # "C function", "C type", "C enumerator", "C++ class", "C++ member", ...
    name: str  # the name looked up in the docs
    owner: str = ""  # C++ members: the enclosing class
    where: str = ""  # header:line

    def label(self) -> str:
        qualified = f"{self.owner}::{self.name}" if self.owner else self.name
        return f"{self.kind} {qualified} ({self.where})"


@dataclass
class Extraction:
    symbols: list[Symbol] = field(default_factory=list)
    bases: dict[str, list[str]] = field(default_factory=dict)  # class -> base class names


def parse(cindex, root: Path, headers: list[Path], args: list[str], name: str):
    source = "".join(f'#include "{h}"\n' for h in headers)
    index = cindex.Index.create()
    unit = index.parse(name, args=args + [f"-I{root / 'include'}"], unsaved_files=[(name, source)],
                       options=cindex.TranslationUnit.PARSE_SKIP_FUNCTION_BODIES)
    errors = [d for d in unit.diagnostics if d.severity >= cindex.Diagnostic.Error]
    if errors:  # an incomplete AST would silently lose symbols
        for d in errors:
            print(f"check_api_docs: {d}", file=sys.stderr)
        sys.exit("check_api_docs: the public headers do not parse")
    return unit


def kind_of(cursor) -> str:
    try:
        return cursor.kind.name
    except ValueError:  # kinds newer than the bindings (e.g. 604 = ConceptDecl in clang 16)
        return {604: "CONCEPT_DECL"}.get(cursor._kind_id, f"KIND_{cursor._kind_id}")


def where(cursor, root: Path) -> str:
    return f"{Path(cursor.location.file.name).resolve().relative_to(root)}:{cursor.location.line}"


def in_tree(cursor, include_dirs: list[Path]) -> bool:
    f = cursor.location.file
    # Paths as the preprocessor opened them ("c/binary/../database.h"), hence resolve().
    return f is not None and Path(f.name).resolve().parent in include_dirs


def extract_c(cindex, root: Path) -> Extraction:
    headers = sorted((root / "include/quiver/c").rglob("*.h"))
    dirs = sorted({h.parent for h in headers})
    unit = parse(cindex, root, headers, ["-x", "c", "-std=c11"], "all_c.c")
    out = Extraction()
    seen: set[tuple[str, str]] = set()

    def add(kind: str, cursor) -> None:
        if (kind, cursor.spelling) not in seen:
            seen.add((kind, cursor.spelling))
            out.symbols.append(Symbol(kind, cursor.spelling, where=where(cursor, root)))

    for cursor in unit.cursor.get_children():
        if not in_tree(cursor, dirs):
            continue
        kind = kind_of(cursor)
        if kind == "FUNCTION_DECL" and cursor.spelling.startswith("quiver_"):
            add("C function", cursor)
        elif kind == "TYPEDEF_DECL" and cursor.spelling.startswith("quiver_"):
            add("C type", cursor)
        elif kind == "ENUM_DECL":
            for constant in cursor.get_children():
                if kind_of(constant) == "ENUM_CONSTANT_DECL":
                    add("C enumerator", constant)
    return out


SKIPPED_MEMBERS = {"CONSTRUCTOR", "DESTRUCTOR", "FIELD_DECL", "VISIBILITY_ATTR",
                   "CXX_ACCESS_SPEC_DECL", "CXX_BASE_SPECIFIER", "FRIEND_DECL", "STATIC_ASSERT"}
CLASS_KINDS = {"CLASS_DECL", "STRUCT_DECL", "CLASS_TEMPLATE"}
FUNCTION_KINDS = {"CXX_METHOD", "FUNCTION_TEMPLATE", "CONVERSION_FUNCTION"}


def extract_cpp(cindex, root: Path) -> Extraction:
    dirs = [root / "include/quiver", root / "include/quiver/binary", root / "include/quiver/expression"]
    headers = sorted(h for d in dirs for h in d.glob("*.h"))
    unit = parse(cindex, root, headers, ["-x", "c++", "-std=c++20"], "all_cpp.cpp")
    out = Extraction()
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, name: str, cursor, owner: str = "") -> None:
        if (kind, owner, name) not in seen:
            seen.add((kind, owner, name))
            out.symbols.append(Symbol(kind, name, owner, where(cursor, root)))

    def visit_class(cursor) -> None:
        name = cursor.spelling
        add("C++ class", name, cursor)
        for child in cursor.get_children():
            kind = kind_of(child)
            if kind == "CXX_BASE_SPECIFIER":
                out.bases.setdefault(name, []).append(child.type.spelling.split("::")[-1])
                continue
            if kind in SKIPPED_MEMBERS or child.access_specifier != cindex.AccessSpecifier.PUBLIC:
                continue
            if kind in FUNCTION_KINDS:
                member = normalise_operator(child.spelling)
                if member != "operator=":
                    add("C++ member", member, child, name)
            elif kind in CLASS_KINDS:
                if child.is_definition():  # opaque `struct Impl;` is no contract
                    add("C++ member type", child.spelling, child, name)
                    visit_class(child)
            elif kind in ("ENUM_DECL", "TYPE_ALIAS_DECL", "TYPEDEF_DECL"):
                add("C++ member type", child.spelling, child, name)

    def visit_namespace(cursor) -> None:
        for child in cursor.get_children():
            if not in_tree(child, dirs):
                continue
            kind = kind_of(child)
            if kind == "NAMESPACE":
                if child.spelling != "detail":
                    visit_namespace(child)
            elif kind in CLASS_KINDS:
                if child.is_definition():
                    visit_class(child)
            elif kind in ("FUNCTION_DECL", "FUNCTION_TEMPLATE"):
                add("C++ function", normalise_operator(child.spelling), child)
            elif kind in ("ENUM_DECL", "TYPE_ALIAS_DECL", "TYPEDEF_DECL", "CONCEPT_DECL"):
                add("C++ type", child.spelling, child)
            elif kind == "VAR_DECL":
                add("C++ constant", child.spelling, child)

    for cursor in unit.cursor.get_children():
        if in_tree(cursor, dirs) and kind_of(cursor) == "NAMESPACE" and cursor.spelling == "quiver":
            visit_namespace(cursor)
    return out


OPERATOR = re.compile(r"operator\s*(<=>|\(\)|\[\]|&&|\|\||[-+*/%^&|~!=<>]+)")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)::(operator\s*(?:<=>|\(\)|\[\]|&&|\|\||[-+*/%^&|~!=<>]+)|"
                       r"[A-Za-z_][A-Za-z0-9_]*)")


def normalise_operator(name: str) -> str:
    m = OPERATOR.fullmatch(name)
    return f"operator{m.group(1)}" if m else name


def code_words(span: str) -> set[str]:
    span = span.replace("\\|", "|")  # pipes escaped inside Markdown tables
    words = set(IDENTIFIER.findall(span))
    words |= {f"operator{m.group(1)}" for m in OPERATOR.finditer(span)}
    return words


@dataclass
class Docs:
    anywhere: set[str] = field(default_factory=set)  # words of every inline code span
    qualified: set[tuple[str, str]] = field(default_factory=set)  # (Class, member) from `Class::member`
    scoped: dict[str, set[str]] = field(default_factory=dict)  # heading word -> code words below it
    every_word: set[str] = field(default_factory=set)  # also fenced blocks (reverse check)


INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# Declarations in fenced blocks (SQLite-style signature blocks): "<type> name(", "typedef ...
# (*name)(" and "typedef ... name;". A call in an example ("quiver_x(...)", "id = f(...)",
# "return f(...)") is no declaration.
DECLARATION = re.compile(r"^\s*(?:typedef\s+)?(?:(?:const|unsigned|struct|enum|static|inline|virtual|QUIVER_C_API|QUIVER_API)\s+)*"
                         r"([A-Za-z_][\w:<>]*)(?:\s*[*&])*\s+(?:[*&]\s*)*([A-Za-z_]\w*)\s*\(")
TYPEDEF = re.compile(r"^\s*typedef\b.*?(?:\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(.*|\b([A-Za-z_]\w*)\s*;\s*)$")
NOT_A_TYPE = {"return", "else", "case", "goto", "delete", "new", "throw", "if", "while", "for", "switch", "do"}


def declared_name(line: str) -> str | None:
    typedef = TYPEDEF.match(line)
    if typedef:
        return typedef.group(1) or typedef.group(2)
    declaration = DECLARATION.match(line)
    if declaration and declaration.group(1) not in NOT_A_TYPE:
        return declaration.group(2)
    return None
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def read_docs(pages: list[Path]) -> Docs:
    docs = Docs()
    for page in pages:
        stack: list[tuple[int, set[str]]] = []  # (level, words of the heading)
        fenced = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                docs.every_word |= code_words(line)
                declared = declared_name(line)
                if declared:  # a declaration shown as a signature block documents its name
                    docs.anywhere.add(declared)
                    for _, heading_words in stack:
                        for word in heading_words:
                            docs.scoped.setdefault(word, set()).add(declared)
                continue
            heading = HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, set(IDENTIFIER.findall(heading.group(2)))))
            for match in INLINE_CODE.finditer(line):
                span = match.group(2)
                words = code_words(span)
                docs.anywhere |= words
                docs.every_word |= words
                for q in QUALIFIED.finditer(span.replace("\\|", "|")):
                    docs.qualified.add((q.group(1), normalise_operator(q.group(2))))
                for _, heading_words in stack:
                    for word in heading_words:
                        docs.scoped.setdefault(word, set()).update(words)
    return docs


def documented(symbol: Symbol, docs: Docs, bases: dict[str, list[str]]) -> bool:
    if not symbol.owner:
        return symbol.name in docs.anywhere
    owners = [symbol.owner]
    for owner in owners:  # the class and, transitively, its bases
        if (owner, symbol.name) in docs.qualified or symbol.name in docs.scoped.get(owner, set()):
            return True
        owners.extend(b for b in bases.get(owner, []) if b not in owners)
    return False


def is_stale(word: str, c_names: set[str]) -> bool:
    """A quiver_*/QUIVER_* word that names no C symbol; `quiver_result_` (a prefix, as in
    "the `quiver_result_` accessors") must start at least one."""
    if not re.fullmatch(r"(quiver|QUIVER)_[A-Za-z0-9_]+", word) or word in NOT_API or NOT_API_PATTERN.fullmatch(word):
        return False
    if word.endswith("_"):
        return not any(name.startswith(word) for name in c_names)
    return word not in c_names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--list", action="store_true", help="print every extracted symbol")
    options = parser.parse_args()
    root = options.root.resolve()

    cindex = load_cindex()
    c_api = extract_c(cindex, root)
    cpp = extract_cpp(cindex, root)
    pages = sorted({p for pattern in REFERENCE_PAGES for p in (root / "docs").glob(pattern)})
    if options.list:
        for symbol in c_api.symbols + cpp.symbols:
            print(symbol.label())
        return 0

    docs = read_docs(pages)
    missing = [s for s in c_api.symbols if not documented(s, docs, {})]
    missing += [s for s in cpp.symbols if not documented(s, docs, cpp.bases)]
    c_names = {s.name for s in c_api.symbols}
    stale = sorted(w for w in docs.every_word if is_stale(w, c_names))

    page_list = ", ".join(f"docs/{p.name}" for p in pages)
    for symbol in missing:
        print(f"undocumented: {symbol.label()}")
    for word in stale:
        print(f"stale: `{word}` is mentioned in the docs but declared in no public C header")
    total = len(c_api.symbols) + len(cpp.symbols)
    if missing or stale:
        print(f"check_api_docs: {len(missing)} of {total} public symbols undocumented, {len(stale)} stale "
              f"names (pages: {page_list})")
        return 1
    print(f"check_api_docs: all {len(c_api.symbols)} C and {len(cpp.symbols)} C++ public symbols are documented "
          f"in {page_list}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
