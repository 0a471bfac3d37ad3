"""Interactive widgets: sliders that re-run the student's own code and redraw its result.

Each function takes the student's functions as arguments and returns an ipywidgets widget;
show it as a cell's last expression. They work with ipywidgets 8 and the default inline
matplotlib backend: every slider change re-runs the drawing function inside an `Output`
widget, which is cleared and filled with the new figure. A student function that is not
written yet (raises NotImplementedError) or fails is reported in a sentence, not a plot.
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from course.diagrams import draw_computation_graph
from course.plots import plot_descent_on_parabola

_STYLE = {"description_width": "9em"}
_LAYOUT = widgets.Layout(width="32em")


def descent_explorer(
    J,
    dJ,
    gradient_descent_1d,
    *,
    learning_rate=0.1,
    w0=0.0,
    num_steps=10,
    w_range=(-3.0, 9.0),
):
    """Sliders for the learning rate, the start w0 and the number of steps, over a live plot.

    J: the cost, a function of w (accepts an array); drawn as the curve.
    dJ: its derivative dJ/dw, a function of a float; passed to `gradient_descent_1d`.
    gradient_descent_1d: the student's function (grad, w0, learning_rate, num_steps) -> array
        of shape (num_steps + 1,), the visited w. Re-run this after redefining it.
    learning_rate, w0, num_steps: where the sliders start.
    w_range: (low, high), the fixed w axis; also the range of the w0 slider.

    Returns a widget: the three sliders above the plot.
    """
    rate = widgets.FloatLogSlider(
        value=learning_rate,
        base=10,
        min=-3,  # 0.001
        max=0.1,  # about 1.26
        step=0.01,
        readout_format=".3f",
        description="learning rate α",
        style=_STYLE,
        layout=_LAYOUT,
    )
    start = widgets.FloatSlider(
        value=w0,
        min=w_range[0],
        max=w_range[1],
        step=0.1,
        readout_format=".1f",
        description="start w₀",
        style=_STYLE,
        layout=_LAYOUT,
    )
    steps = widgets.IntSlider(
        value=num_steps, min=0, max=50, description="steps", style=_STYLE, layout=_LAYOUT
    )

    def draw(learning_rate, w0, num_steps):
        try:
            with np.errstate(over="ignore", invalid="ignore"):
                ws = np.asarray(gradient_descent_1d(dJ, w0, learning_rate, num_steps), float)
        except NotImplementedError:
            print("Write gradient_descent_1d above, run its cell, then run this cell again.")
            return
        except Exception as error:  # show the student's error without a long traceback
            print(f"gradient_descent_1d raised {type(error).__name__}: {error}")
            return
        if ws.size == 0:
            print("gradient_descent_1d returned an empty array; it should start with w0.")
            return
        fig, ax = plt.subplots(figsize=(7.5, 4.2), layout="constrained")
        last = f"{ws[-1]:.3f}" if abs(ws[-1]) < 1e4 else f"{ws[-1]:.3g}"
        title = f"α = {learning_rate:.3f}, {num_steps} steps: w went from {w0:.2f} to {last}"
        plot_descent_on_parabola(J, ws, ax=ax, title=title, w_range=w_range)
        plt.show()

    plot = widgets.interactive_output(
        draw, {"learning_rate": rate, "w0": start, "num_steps": steps}
    )
    return widgets.VBox([rate, start, steps, plot])


def graph_explorer(
    graph_forward,
    graph_backward,
    *,
    local_derivatives=None,
    a=5.0,
    b=3.0,
    c=2.0,
    value_range=(-5.0, 5.0),
):
    """Sliders for a, b and c over the graph J = 3(a + b·c), redrawn with the student's results.

    graph_forward: the student's function (a, b, c) -> dict {"u", "v", "J"}, drawn in the nodes.
    graph_backward: the student's function (a, b, c) -> dict {"dJ_da", "dJ_db", "dJ_dc"},
        drawn in red under the leaves a, b and c.
    local_derivatives: optional function (a, b, c) -> dict (parent, child) -> ∂child/∂parent,
        drawn on the edges (see `course.diagrams.draw_computation_graph`).
    a, b, c: where the sliders start.
    value_range: (low, high), the range of each slider.

    Returns a widget: the three sliders above the drawing. Re-run the cell after redefining
    the functions.
    """
    sliders = {
        name: widgets.FloatSlider(
            value=start,
            min=value_range[0],
            max=value_range[1],
            step=0.5,
            readout_format=".1f",
            description=name,
            style=_STYLE,
            layout=_LAYOUT,
        )
        for name, start in (("a", a), ("b", b), ("c", c))
    }

    def draw(a, b, c):
        inputs = {"a": a, "b": b, "c": c}
        values = _run_student(graph_forward, inputs, ("u", "v", "J"))
        if values is None:
            return
        backward = _run_student(graph_backward, inputs, ("dJ_da", "dJ_db", "dJ_dc"))
        if backward is None:
            return
        grads = {name: backward[f"dJ_d{name}"] for name in inputs}
        local = local_derivatives(a, b, c) if local_derivatives else None
        fig, ax = plt.subplots(figsize=(9.5, 4.6), layout="constrained")
        title = f"a = {a:g}, b = {b:g}, c = {c:g}: your J = {values['J']:.4g}"
        draw_computation_graph({**inputs, **values}, local=local, grads=grads, ax=ax, title=title)
        plt.show()

    plot = widgets.interactive_output(draw, sliders)
    return widgets.VBox([*sliders.values(), plot])


def _run_student(fn, inputs, keys):
    """fn(**inputs) as a dict with `keys`, or None after printing what went wrong."""
    name = getattr(fn, "__name__", "your function")
    try:
        result = fn(*inputs.values())
    except NotImplementedError:
        print(f"Write {name} above, run its cell, then run this cell again.")
        return None
    except Exception as error:  # show the student's error without a long traceback
        print(f"{name} raised {type(error).__name__}: {error}")
        return None
    missing = [key for key in keys if not isinstance(result, dict) or key not in result]
    if missing:
        print(f"{name} should return a dict with the keys {list(keys)}; missing: {missing}.")
        return None
    try:
        return {key: float(result[key]) for key in keys}
    except (TypeError, ValueError):
        print(f"{name} should return a number for each of the keys {list(keys)}.")
        return None
