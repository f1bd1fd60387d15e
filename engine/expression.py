"""Formulas people type, read by a parser written for them: no eval, exec, compile or ast.

    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := ("-" | "+") unary | power
    power   := atom ("**" unary)?
    atom    := NUMBER | NAME | FUNCTION "(" sum ("," sum)* ")" | "(" sum ")"

Python's precedence: ``-x**2`` is ``-(x**2)``, ``2**-1`` is allowed and
``2**3**2`` is ``2**(3**2)``. NUMBER: ``3``, ``0.5``, ``.5``, ``1e-3``; NAME: a
letter or ``_``, then letters, digits and ``_``; FUNCTION: ``exp log sigmoid
tanh relu`` (one argument), ``max min`` (two).

Every tree node keeps the span of text it was read from, ``text[start:end]``, so
an error can underline it and the graph can say which part of the formula a node
computes. Errors are ``ExpressionError``\\ s with a code and the position; text
longer than ``MAX_LENGTH`` or nested deeper than ``MAX_DEPTH`` is refused before
it can exhaust anything.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from engine.errors import CodedError

MAX_LENGTH = 500  # characters: a graph of a longer formula could not be read anyway
MAX_DEPTH = 50    # parentheses, unary signs and exponents inside one another

FUNCTIONS = {"exp": 1, "log": 1, "sigmoid": 1, "tanh": 1, "relu": 1, "max": 2, "min": 2}
BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "div", "**": "pow"}

_NUMBER = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = ("**", "+", "-", "*", "/", "(", ")", ",")


class ExpressionError(CodedError):
    """A formula or a value that cannot be read or computed. ``field``: "expression" or
    "values"; ``params`` hold ``start`` and ``end``, the characters to underline, and
    the values the message needs."""


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Apply:
    """An operation on its arguments: ``op`` is "add", "sub", "mul", "div", "pow", "neg"
    or a function name."""

    op: str
    args: tuple
    start: int
    end: int


Tree = Number | Name | Apply


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op" or "end"
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an "end" token; ExpressionError at a stray character."""
    tokens, i = [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        number = _NUMBER.match(text, i)
        name = None if number else _NAME.match(text, i)
        operator = next((op for op in _OPERATORS if text.startswith(op, i)), None)
        if number:
            glued = _NAME.match(text, number.end())  # "2x", "1e": a number run into letters
            if glued:
                raise _error("bad_number", i, glued.end(), found=text[i:glued.end()])
            tokens.append(Token("number", number.group(), i))
        elif name:
            tokens.append(Token("name", name.group(), i))
        elif operator:
            tokens.append(Token("op", operator, i))
        else:
            raise _error("unexpected_character", i, i + 1, found=text[i])
        i = tokens[-1].end
    tokens.append(Token("end", "", len(text)))
    return tokens


def parse(text: str) -> Tree:
    """The tree of a formula, or ExpressionError saying where and why it cannot be read."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError("expression", "too_long", start=MAX_LENGTH, end=len(text),
                              most=MAX_LENGTH, length=len(text))
    if not text.strip():
        raise ExpressionError("expression", "empty", start=0, end=len(text))
    return _Parser(text).read()


def names_in(tree: Tree) -> list[Name]:
    """Every use of a variable, in reading order (a name used twice appears twice)."""
    found, stack = [], [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Name):
            found.append(node)
        elif isinstance(node, Apply):
            stack.extend(reversed(node.args))
    return found


class _Parser:
    """Recursive descent over the token list, one method per grammar rule."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def read(self) -> Tree:
        tree = self.sum()
        token = self.peek()
        if token.kind != "end":
            code = "unmatched_close" if token.text == ")" else "expected_operator"
            raise _error(code, token.start, token.end, found=token.text)
        return tree

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        self.i += 1
        return self.tokens[self.i - 1]

    def sum(self) -> Tree:
        tree = self.product()
        while self.peek().text in ("+", "-"):
            op = BINARY[self.take().text]
            right = self.product()
            tree = Apply(op, (tree, right), tree.start, right.end)
        return tree

    def product(self) -> Tree:
        tree = self.unary()
        while self.peek().text in ("*", "/"):
            op = BINARY[self.take().text]
            right = self.unary()
            tree = Apply(op, (tree, right), tree.start, right.end)
        return tree

    def unary(self) -> Tree:
        token = self.peek()
        if token.text in ("-", "+"):
            self.take()
            operand = self.nested(self.unary, token)
            if token.text == "+":
                return replace(operand, start=token.start)
            return Apply("neg", (operand,), token.start, operand.end)
        return self.power()

    def power(self) -> Tree:
        base = self.atom()
        token = self.peek()
        if token.text == "**":
            self.take()
            exponent = self.nested(self.unary, token)
            return Apply("pow", (base, exponent), base.start, exponent.end)
        return base

    def atom(self) -> Tree:
        token = self.take()
        if token.kind == "number":
            value = float(token.text)  # the text matched _NUMBER: digits, a point, an exponent
            if not math.isfinite(value):
                raise _error("number_too_large", token.start, token.end, found=token.text)
            return Number(value, token.start, token.end)
        if token.kind == "name":
            if self.peek().text == "(":
                return self.call(token)
            if token.text in FUNCTIONS:
                raise _error("function_without_call", token.start, token.end, name=token.text)
            return Name(token.text, token.start, token.end)
        if token.text == "(":
            inner = self.nested(self.sum, token)
            self.close(token)
            return replace(inner, start=token.start, end=self.tokens[self.i - 1].end)
        if token.kind == "end":
            raise _error("unexpected_end", token.start, token.start)
        code = "unmatched_close" if token.text == ")" else "expected_operand"
        raise _error(code, token.start, token.end, found=token.text)

    def call(self, name: Token) -> Apply:
        if name.text not in FUNCTIONS:
            raise _error("unknown_function", name.start, name.end, name=name.text,
                         choices=tuple(FUNCTIONS))
        opening = self.take()
        args = [self.nested(self.sum, opening)]
        while self.peek().text == ",":
            self.take()
            args.append(self.nested(self.sum, opening))
        self.close(opening)
        end = self.tokens[self.i - 1].end
        if len(args) != FUNCTIONS[name.text]:
            raise _error("argument_count", name.start, end, name=name.text,
                         expected=FUNCTIONS[name.text], count=len(args))
        return Apply(name.text, tuple(args), name.start, end)

    def close(self, opening: Token) -> None:
        token = self.take()
        if token.text != ")":
            if token.kind == "end":
                raise _error("missing_close", opening.start, opening.end)
            raise _error("expected_operator", token.start, token.end, found=token.text)

    def nested(self, rule, token: Token) -> Tree:
        """``rule()`` one level deeper; refused past MAX_DEPTH, before the stack is at risk."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _error("too_deep", token.start, token.end, most=MAX_DEPTH)
        tree = rule()
        self.depth -= 1
        return tree


def _error(code: str, start: int, end: int, **params) -> ExpressionError:
    return ExpressionError("expression", code, start=start, end=end, **params)
