"""Drawings of the two small graphs that notebook 02 works through by hand.

Each function draws numbers the notebook already has (the student's forward values,
derivatives and gradients, as dicts or arrays) on `ax` when one is given, else on a new
figure, and returns the Axes. Nothing here computes a value, a derivative or a gradient:
a missing entry is simply not drawn.

- `draw_computation_graph`: J = 3v, v = a + u, u = b·c, with values on the nodes, local
  derivatives on the edges and gradients ∂J/∂node under the nodes.
- `draw_network_222`: the 2-2-2 sigmoid network with its weights on the edges, activations
  in the neurons and node errors δ under them.
- `draw_layers`: a network of any depth as a row of layers, with the shape of every
  activation, weight matrix and bias (notebooks 03 and 04).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

INPUT = "#d9ead3"  # leaves: a, b, c and the network's inputs
INNER = "#cfe2f3"  # computed nodes and hidden neurons
OUTPUT = "#fce5cd"  # J and the output neurons
VALUE = "black"
LOCAL = "tab:blue"
GRAD = "tab:red"
WEIGHT = "dimgray"

# --- the computation graph J = 3(a + b·c) -------------------------------------------------

GRAPH_NODES = {  # name: (x, y, colour, how it is computed)
    "a": (0.0, 2.3, INPUT, None),
    "b": (0.0, 0.9, INPUT, None),
    "c": (0.0, -0.5, INPUT, None),
    "u": (2.6, 0.2, INNER, "u = b·c"),
    "v": (5.2, 1.25, INNER, "v = a + u"),
    "J": (7.8, 1.25, OUTPUT, "J = 3v"),
}
GRAPH_EDGES = [("a", "v"), ("b", "u"), ("c", "u"), ("u", "v"), ("v", "J")]  # (parent, child)
_RADIUS = 0.42


def draw_computation_graph(values, *, local=None, grads=None, ax=None, title=None):
    """Draw the graph of J = 3v, v = a + u, u = b·c.

    values: dict node -> float, the forward value of each node, for the nodes "a", "b", "c"
        and, once computed, "u", "v", "J" (a missing node shows "?").
    local: optional dict (parent, child) -> float, the local derivative ∂child/∂parent of
        each edge, e.g. local[("b", "u")] is ∂u/∂b; drawn on the edge in blue.
    grads: optional dict node -> float, the gradient ∂J/∂node; drawn under the node in red.

    Returns the Axes.
    """
    ax = _axes(ax, figsize=(9.5, 4.6))
    local, grads = local or {}, grads or {}
    for parent, child in GRAPH_EDGES:
        start, end = GRAPH_NODES[parent][:2], GRAPH_NODES[child][:2]
        _arrow(ax, start, end, _RADIUS)
        if (parent, child) in local:
            # the label sits on the edge, a little towards the child
            where = _along(start, end, 0.55)
            text = rf"$\partial {child}/\partial {parent}$ = {_fmt(local[(parent, child)])}"
            _tag(ax, where, text, LOCAL)
    for name, (x, y, colour, formula) in GRAPH_NODES.items():
        value = _fmt(values[name]) if name in values else "?"
        _node(ax, (x, y), _RADIUS, colour, f"{name}\n{value}")
        if formula:
            ax.text(x, y + _RADIUS + 0.12, formula, ha="center", va="bottom", fontsize=11)
        if name in grads:
            text = rf"$\partial J/\partial {name}$ = {_fmt(grads[name])}"
            ax.text(x, y - _RADIUS - 0.1, text, ha="center", va="top", color=GRAD, fontsize=11)
    _frame(ax, xlim=(-0.9, 8.7), ylim=(-1.35, 3.1), title=title)
    return ax


# --- the 2-2-2 network --------------------------------------------------------------------

_LAYER_X = {"i": 0.0, "h": 3.6, "o": 7.2}  # i: inputs, h: hidden neurons, o: outputs
_LAYER_COLOUR = {"i": INPUT, "h": INNER, "o": OUTPUT}
_ROW_Y = (2.4, 0.0)  # first neuron of each layer on top
_NEURON = 0.48


def draw_network_222(params, *, x=None, cache=None, y=None, grads=None, ax=None, title=None):
    """Draw the 2-2-2 sigmoid network with the weights on its edges.

    params: dict with "W1" (2, 2), "b1" (2, 1), "W2" (2, 2), "b2" (2, 1); W1 = [[w1, w2],
        [w3, w4]] and W2 = [[w5, w6], [w7, w8]], so W1[j, k] is the weight from input k to
        hidden neuron j, and W2[j, k] the weight from hidden neuron k to output j.
    x: optional array (2, 1), the inputs (else taken from cache["x"] when given).
    cache: optional dict from the forward pass with "h" (2, 1) and "out" (2, 1): drawn in
        the neurons.
    y: optional array (2, 1), the targets, drawn right of the outputs.
    grads: optional dict from the backward pass with "db1" (2, 1) and "db2" (2, 1), which
        equal the node errors δ1 = ∂E/∂z1 and δ2 = ∂E/∂z2; drawn under the neurons in red.

    Returns the Axes.
    """
    ax = _axes(ax, figsize=(10.5, 5.2))
    cache, grads = cache or {}, grads or {}
    if x is None:
        x = cache.get("x")
    layers = {  # layer letter: (values in the neurons, biases, δs), each None when not given
        "i": (x, None, None),
        "h": (cache.get("h"), params["b1"], grads.get("db1")),
        "o": (cache.get("out"), params["b2"], grads.get("db2")),
    }
    # edges first, so the neurons are drawn over them
    for W, (src, dst), first in ((params["W1"], "ih", 1), (params["W2"], "ho", 5)):
        W = np.asarray(W, dtype=float)
        for j in range(2):
            for k in range(2):
                start, end = (_LAYER_X[src], _ROW_Y[k]), (_LAYER_X[dst], _ROW_Y[j])
                _arrow(ax, start, end, _NEURON, color="0.55")
                # straight edges: label in the middle, above the top one and below the bottom
                # one; crossing edges: label near the source, away from the crossing point
                if j == k:
                    where = _along(start, end, 0.5)
                    where = (where[0], where[1] + (0.2 if j == 0 else -0.2))
                else:
                    where = _along(start, end, 0.36)
                name = f"w{first + 2 * j + k}"
                _tag(ax, where, f"{name} = {_fmt(W[j, k])}", WEIGHT)
    for letter, (values, biases, deltas) in layers.items():
        for row in range(2):
            centre = (_LAYER_X[letter], _ROW_Y[row])
            value = "" if values is None else f"\n{_fmt(_entry(values, row))}"
            _node(ax, centre, _NEURON, _LAYER_COLOUR[letter], f"{letter}{row + 1}{value}")
            if biases is not None:
                ax.text(
                    centre[0],
                    centre[1] + _NEURON + 0.08,
                    f"bias {_fmt(_entry(biases, row))}",
                    ha="center",
                    va="bottom",
                    color=WEIGHT,
                    fontsize=10,
                )
            if deltas is not None:
                ax.text(
                    centre[0],
                    centre[1] - _NEURON - 0.08,
                    f"δ = {_fmt(_entry(deltas, row))}",
                    ha="center",
                    va="top",
                    color=GRAD,
                    fontsize=11,
                )
    if y is not None:
        for row in range(2):
            ax.text(
                _LAYER_X["o"] + _NEURON + 0.35,
                _ROW_Y[row],
                f"target y{row + 1}\n= {_fmt(_entry(y, row))}",
                ha="left",
                va="center",
                fontsize=11,
            )
    _frame(ax, xlim=(-0.8, 9.4), ylim=(-1.0, 3.4), title=title)
    return ax


# --- a network of any depth, as shapes -------------------------------------------------


GAP = 2.8  # between the centres of two layers


def draw_layers(layer_dims, *, ax=None, title=None):
    """Draw LINEAR -> RELU -> ... -> LINEAR -> SIGMOID with the shape of every array.

    layer_dims: [n_x, n_1, ..., n_L], the number of units per layer, input first.
    Each layer l is a box labelled A[l] with its shape (n_l, m); the arrow into layer l
    carries W[l]: (n_l, n_{l-1}), b[l]: (n_l, 1) and the activation of layer l.
    """
    L = len(layer_dims) - 1
    ax = _axes(ax, (GAP * (L + 1), 2.4))
    for k, n in enumerate(layer_dims):
        name = "X = A[0]" if k == 0 else ("ŷ = A[L]" if k == L else f"A[{k}]")
        colour = INPUT if k == 0 else (OUTPUT if k == L else INNER)
        height = 0.6 + 1.4 * np.log10(n) / np.log10(max(max(layer_dims), 10))
        ax.add_patch(
            FancyBboxPatch(
                (GAP * k - 0.55, -height / 2), 1.1, height, boxstyle="round,pad=0.05",
                facecolor=colour, edgecolor="black", zorder=2,
            )
        )  # fmt: skip
        ax.text(GAP * k, 0.1, name, ha="center", va="center", fontsize=10, zorder=3)
        ax.text(GAP * k, -0.22, f"({n}, m)", ha="center", va="center", fontsize=9, zorder=3)
        if k == 0:
            continue
        _arrow(ax, (GAP * (k - 1), 0), (GAP * k, 0), 0.6, color=WEIGHT)
        activation = "sigmoid" if k == L else "relu"
        mid = GAP * k - GAP / 2
        ax.text(mid, 0.55, f"W[{k}]: ({n}, {layer_dims[k - 1]})", ha="center", fontsize=8.5)
        ax.text(mid, 0.33, f"b[{k}]: ({n}, 1)", ha="center", fontsize=8.5)
        ax.text(mid, -0.45, activation, ha="center", fontsize=9, color=LOCAL)
    _frame(ax, (-0.9, GAP * L + 0.9), (-1.25, 1.25), title)
    return ax


# --- shared drawing helpers ---------------------------------------------------------------


def _axes(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _frame(ax, xlim, ylim, title):
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)


def _node(ax, centre, radius, colour, text):
    ax.add_patch(Circle(centre, radius, facecolor=colour, edgecolor="black", zorder=3))
    ax.text(*centre, text, ha="center", va="center", fontsize=11, color=VALUE, zorder=4)


def _arrow(ax, start, end, radius, color="black"):
    """An arrow from circle to circle (both of `radius`), pointing in the forward direction."""
    (x0, y0), (x1, y1) = start, end
    length = np.hypot(x1 - x0, y1 - y0)
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    tail, head = (x0 + radius * dx, y0 + radius * dy), (x1 - radius * dx, y1 - radius * dy)
    ax.add_patch(
        FancyArrowPatch(
            tail, head, arrowstyle="-|>", mutation_scale=14, color=color, lw=1.3, zorder=1
        )
    )


def _along(start, end, t):
    return (start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]))


def _tag(ax, where, text, color):
    """A label on an edge, on a white box so the line does not run through it."""
    ax.text(
        *where,
        text,
        ha="center",
        va="center",
        color=color,
        fontsize=10.5,
        zorder=2,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
    )


def _entry(values, row):
    return float(np.asarray(values, dtype=float).reshape(-1)[row])


def _fmt(number):
    """Up to 4 significant digits, without trailing zeros: 33, 0.5, 0.1385, -2.5e-05."""
    number = float(number)
    if number == 0:
        return "0"
    return f"{number:.4g}"
