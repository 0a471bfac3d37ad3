"""Plotting helpers: each draws results the notebook already has (arrays, functions).

Every helper draws on `ax` (a matplotlib Axes) when one is given, else on a new figure, and
returns the Axes so the notebook can add to it. Cost functions passed in must accept NumPy
arrays (`J(np.linspace(...))` returns an array of the same shape). Nothing here computes a
solution: the gradient descent runs, costs and fitted parameters come from the student.
"""

import matplotlib.pyplot as plt
import numpy as np

CURVE = "tab:blue"
PATH = "tab:orange"
START = "tab:green"
END = "tab:red"


def plot_slopes(J, dJ, points, ax=None, w_range=(-1.0, 7.0), title=None):
    """Draw J(w) and a short tangent at each w in `points`, labelled with its slope.

    J: the cost, a function of w (accepts an array).
    dJ: its derivative dJ/dw, a function of a float.
    points: a sequence of w values where the tangent is drawn.
    w_range: (low, high), the span of the w axis.
    """
    ax = _axes(ax)
    w = np.linspace(*w_range, 400)
    ax.plot(w, J(w), color=CURVE, label="J(w)")
    half = 0.1 * (w_range[1] - w_range[0])
    for p in points:
        slope = dJ(p)
        t = np.array([p - half, p + half])
        color = END if slope > 0 else START
        ax.plot(t, J(p) + slope * (t - p), color=color, lw=2)
        ax.plot([p], [J(p)], "o", color=color)
        # the label goes on the outer side of the curve, away from the tangent
        if slope > 0:
            text, side, ha = f"slope {slope:+.1f} > 0\n← downhill is left", 1, "left"
        else:
            text, side, ha = f"slope {slope:+.1f} < 0\ndownhill is right →", -1, "right"
        ax.annotate(
            text,
            (p, J(p)),
            xytext=(side * 14, -8),
            textcoords="offset points",
            ha=ha,
            va="top",
            color=color,
        )
    _label(ax, "w", "J(w)", title)
    ax.legend(loc="upper center")
    return ax


def plot_descent_on_parabola(J, ws, ax=None, title=None, w_range=None):
    """Draw J(w) and the points gradient descent visited, joined by arrows in visiting order.

    J: the cost, a function of w (accepts an array).
    ws: array of shape (num_steps + 1,), the visited w with ws[0] = w0 (as returned by
        `gradient_descent_1d`).
    w_range: (low, high) of the w axis. Default: wide enough for every visited point. With a
        fixed range, points outside it are left out and counted in a note.
    """
    ax = _axes(ax)
    ws = np.asarray(ws, dtype=float).ravel()
    with np.errstate(all="ignore"):
        costs = J(ws)
    finite = np.isfinite(ws) & np.isfinite(costs)
    ws, costs = ws[finite], costs[finite]
    if w_range is None:
        # centre the view on the lowest visited point, wide enough for all of them
        centre = ws[np.argmin(costs)] if ws.size else 0.0
        half = 1.15 * max(np.max(np.abs(ws - centre), initial=0.0), 0.5)
        w_range = (centre - half, centre + half)
    w = np.linspace(*w_range, 400)
    curve = J(w)
    ax.plot(w, curve, color=CURVE, label="J(w)", zorder=1)
    if ws.size > 1:
        # one arrow per step, from (w_k, J(w_k)) to (w_k+1, J(w_k+1))
        ax.quiver(
            ws[:-1],
            costs[:-1],
            np.diff(ws),
            np.diff(costs),
            angles="xy",
            scale_units="xy",
            scale=1,
            color=PATH,
            width=0.004,
            headwidth=5,
            headlength=6,
            zorder=2,
            label="steps",
        )
        ax.plot(ws[1:-1], costs[1:-1], "o", color=PATH, ms=4, zorder=3)
    if ws.size:
        ax.plot(ws[0], costs[0], "o", color=START, ms=8, zorder=4, label="start w₀")
        ax.plot(ws[-1], costs[-1], "s", color=END, ms=7, zorder=4, label="last w")
    span = curve.max() - curve.min()
    ax.set_xlim(*w_range)
    ax.set_ylim(curve.min() - 0.05 * span, curve.max() + 0.1 * span)
    notes = []
    if not finite.all():
        notes.append(f"{np.count_nonzero(~finite)} points overflowed (inf or nan)")
    outside = np.count_nonzero((ws < w_range[0]) | (ws > w_range[1]))
    if outside:
        notes.append(f"{outside} of {finite.size} points lie outside this view")
    if notes:
        ax.text(0.02, 0.02, "\n".join(notes), transform=ax.transAxes, color=END, va="bottom")
    _label(ax, "w", "J(w)", title)
    ax.legend(loc="upper center", fontsize="small")
    return ax


def plot_cost_curve(costs, ax=None, title="Cost during gradient descent", log_scale=False):
    """Draw the cost against the iteration number.

    costs: sequence of length num_iterations; costs[k] is the cost before update k.
    log_scale: a logarithmic cost axis, so a fast drop and a slow tail both show.
    """
    return plot_cost_curves({None: costs}, ax=ax, title=title, log_scale=log_scale)


def plot_cost_curves(curves, ax=None, title="Cost during training", log_scale=False):
    """Draw several cost curves on one axis, to compare trainings.

    curves: dict {label: costs}; costs[k] is the cost before update k. A label None draws
        the curve in the course's colour, without a legend entry.
    log_scale: a logarithmic cost axis, so a fast drop and a slow tail both show.
    """
    ax = _axes(ax)
    for label, costs in curves.items():
        colour = CURVE if label is None else None
        ax.plot(np.arange(len(costs)), costs, label=label, color=colour)
    if log_scale:
        ax.set_yscale("log")
    scale = " (log scale)" if log_scale else ""
    _label(ax, "iteration k", f"cost J before update k{scale}", title)
    ax.grid(alpha=0.3)
    if any(label is not None for label in curves):
        ax.legend()
    return ax


def plot_line_fit(x, y, w, b, ax=None, title=None):
    """Draw the data points and the line y = w·x + b.

    x, y: arrays of shape (m,), the inputs and targets.
    w, b: floats, the slope and intercept of the line.
    """
    ax = _axes(ax)
    ax.scatter(x, y, s=18, color=CURVE, label="data (x⁽ⁱ⁾, y⁽ⁱ⁾)")
    line_x = np.linspace(np.min(x), np.max(x), 2)
    ax.plot(line_x, w * line_x + b, color=END, lw=2, label=f"ŷ = {w:.2f}·x + {b:.2f}")
    _label(ax, "x", "y", title)
    ax.legend(loc="upper left")
    return ax


def plot_cost_contours(cost, w_range, b_range, path=None, ax=None, title=None, num=80):
    """Draw the contour lines of J(w, b) and, optionally, the path gradient descent took.

    cost: a function (w, b) -> float, called once per grid point (num × num calls).
    w_range, b_range: (low, high) of each axis.
    path: array of shape (k, 2), the visited (w, b) in order; path[0] is the start.
    """
    ax = _axes(ax)
    w_grid, b_grid = np.linspace(*w_range, num), np.linspace(*b_range, num)
    Z = np.array([[cost(w, b) for w in w_grid] for b in b_grid])  # shape (num b, num w)
    W, B = np.meshgrid(w_grid, b_grid)
    # the cost spans orders of magnitude: log-spaced levels show the valley floor too
    if Z.min() > 0:
        levels = np.geomspace(Z.min() * 1.05, Z.max(), 20)
    else:
        levels = np.linspace(Z.min(), Z.max(), 20)
    contours = ax.contour(W, B, Z, levels=levels, cmap="viridis", linewidths=1)
    ax.figure.colorbar(contours, ax=ax, label="J(w, b)")
    if path is not None:
        path = np.asarray(path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], ".-", color=PATH, ms=4, label="gradient descent")
        ax.plot(*path[0], "o", color=START, ms=8, label="start")
        ax.plot(*path[-1], "s", color=END, ms=7, label="end")
        ax.legend(loc="lower left")
    ax.set_aspect("equal")  # so that "perpendicular to the contours" looks perpendicular
    _label(ax, "w", "b", title)
    return ax


def plot_pictures(pictures, labels, classes, predictions=None, ncols=10, title=None, size=1.3):
    """Show pictures in a grid, each titled with its label (and the prediction, if given).

    pictures: uint8 (k, side, side, 3), the original pictures (not flattened).
    labels: k labels 0/1 (any shape with k entries), the true classes.
    classes: the class names, classes[label] (bytes or str), e.g. [b'non-cat', b'cat'].
    predictions: k predicted labels 0/1 (any shape), or None. With predictions, a title says
        "cat, said non-cat", in red when the two differ.
    size: the width of one picture, in inches.

    The pictures are laid out in one image (a mosaic) on one Axes: forty pictures draw in a
    third of the time that forty Axes take.
    """
    pictures = np.asarray(pictures)
    labels = np.asarray(labels).reshape(-1).astype(int)
    guessed = None if predictions is None else np.asarray(predictions).reshape(-1).astype(int)
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
    count = len(pictures)
    nrows, width = max(1, -(-count // ncols)), min(ncols, max(count, 1))
    side = pictures.shape[1] if count else 64
    gap = side // 8  # pixels between two pictures
    head = side * (3 if guessed is None else 5) // 10  # pixels above a picture for its title
    cell_w, cell_h = side + gap, head + side + gap
    mosaic = np.full((nrows * cell_h - gap, width * cell_w - gap, 3), 255, dtype=np.uint8)
    for i in range(count):
        row, col = divmod(i, ncols)
        top, left = row * cell_h + head, col * cell_w
        mosaic[top : top + side, left : left + side] = pictures[i]
    inches = size * (width * cell_w - gap) / side
    fig, ax = plt.subplots(
        figsize=(inches, inches * mosaic.shape[0] / mosaic.shape[1] + 0.4 * bool(title)),
        layout="constrained",
    )
    ax.imshow(mosaic)
    ax.axis("off")
    for i in range(count):
        row, col = divmod(i, ncols)
        text, colour = names[labels[i]], "black"
        if guessed is not None:
            text = f"{text}\nsaid {names[guessed[i]]}"
            colour = END if guessed[i] != labels[i] else "black"
        x, y = col * cell_w + side / 2, row * cell_h + head - 2
        ax.text(x, y, text, ha="center", va="bottom", fontsize=8, color=colour)
    if title:
        fig.suptitle(title)
    return ax


def plot_decision_boundary(predict, X, Y, ax=None, title=None, margin=0.5, num=200):
    """Colour the plane by a classifier's answers and draw the 2-D points on top.

    predict: function X_grid (2, k) -> 0/1 answers of shape (1, k) (e.g. a trained network's).
    X: (2, m) points, one per column; Y: (1, m) labels 0/1.
    """
    ax = _axes(ax, figsize=(5, 4))
    (x0, y0), (x1, y1) = X.min(axis=1) - margin, X.max(axis=1) + margin
    gx, gy = np.meshgrid(np.linspace(x0, x1, num), np.linspace(y0, y1, num))
    answers = np.asarray(predict(np.stack([gx.ravel(), gy.ravel()]))).reshape(gx.shape)
    ax.contourf(gx, gy, answers, levels=[-0.5, 0.5, 1.5], colors=["#cfe2f3", "#fce5cd"])
    labels = np.asarray(Y).reshape(-1)
    for label, colour in ((0, CURVE), (1, PATH)):
        points = X[:, labels == label]
        ax.scatter(points[0], points[1], s=10, color=colour, label=f"label {label}")
    ax.set_aspect("equal")
    _label(ax, "x₁", "x₂", title)
    return ax


def plot_paths_on_contours(loss, paths, x_range, y_range, ax=None, title=None, num=200):
    """Draw the contour lines of loss(x, y) and, on them, one path per optimiser.

    loss: function (x, y) -> value, accepting arrays of equal shape.
    paths: dict {name: array (k, 2)}, the visited points in order; paths[name][0] is the start.
    """
    ax = _axes(ax, figsize=(7.5, 5))
    gx, gy = np.meshgrid(np.linspace(*x_range, num), np.linspace(*y_range, num))
    ax.contour(gx, gy, loss(gx, gy), levels=25, cmap="viridis", linewidths=0.8, alpha=0.8)
    for name, path in paths.items():
        path = np.asarray(path, dtype=float)
        inside = np.all(np.isfinite(path), axis=1)
        ax.plot(path[inside, 0], path[inside, 1], ".-", ms=3, lw=1.2, label=name)
    start = next(iter(paths.values()))[0]
    ax.plot(*start, "o", color="black", ms=7, label="start")
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    ax.legend(loc="lower left", fontsize="small")
    _label(ax, "x", "y", title)
    return ax


def _axes(ax, figsize=(6.4, 4.2)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _label(ax, xlabel, ylabel, title):
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
