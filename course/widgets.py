"""Interactive widgets: sliders that re-run the student's own code and redraw its result.

Each function takes the student's functions as arguments and returns an ipywidgets widget;
show it as a cell's last expression. They work with ipywidgets 8 and the default inline
matplotlib backend: every slider change re-runs the drawing function inside an `Output`
widget, which is cleared and filled with the new figure. A student function that is not
written yet (raises NotImplementedError) or fails is reported in a sentence, not a plot.

While nbgrader runs a notebook (Validate, autograding) the widgets are not built: nothing
in them is graded, and widget messages were the one place where nbclient sometimes waited
for a cell's reply until its timeout. A short note is shown instead.
"""

import functools

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from course.diagrams import draw_computation_graph
from course.plots import CURVE, END, PATH, plot_descent_on_parabola, plot_paths_on_contours
from course.runmode import graded

_STYLE = {"description_width": "9em"}


def live_only(build):
    """`build` in a live kernel; under nbgrader, a note saying the widget is interactive."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        if graded():
            from IPython.display import Markdown

            return Markdown(f"*`{build.__name__}` is interactive: run this cell in JupyterLab.*")
        return build(*args, **kwargs)

    return wrapper


_LAYOUT = widgets.Layout(width="32em")


@live_only
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


@live_only
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


@live_only
def optimizer_race(
    loss,
    race,
    *,
    x_range,
    y_range,
    learning_rate=0.1,
    beta1=0.9,
    beta2=0.99,
    num_steps=60,
):
    """Sliders for the learning rate, β₁, β₂ and the number of steps, over the optimisers' paths.

    loss: the track, a function (x, y) -> value accepting arrays; drawn as contour lines.
    race: function (learning_rate, beta1, beta2, num_steps) -> {optimiser name: array
        (num_steps + 1, 2)}, the points each optimiser visits from the start. It runs the
        student's update functions; re-run the widget's cell after redefining them.
    x_range, y_range: (low, high), the part of the plane to draw.
    learning_rate, beta1, beta2, num_steps: where the sliders start.

    Returns a widget: the four sliders above the plot.
    """
    rate = widgets.FloatLogSlider(
        value=learning_rate, base=10, min=-3, max=0, step=0.05, readout_format=".3f",
        description="learning rate α", style=_STYLE, layout=_LAYOUT,
    )  # fmt: skip
    b1 = widgets.FloatSlider(
        value=beta1, min=0.0, max=0.99, step=0.01, readout_format=".2f",
        description="β₁ (momentum)", style=_STYLE, layout=_LAYOUT,
    )  # fmt: skip
    b2 = widgets.SelectionSlider(
        options=[0.9, 0.99, 0.999, 0.9999], value=beta2, description="β₂ (RMSprop)",
        style=_STYLE, layout=_LAYOUT,
    )  # fmt: skip
    steps = widgets.IntSlider(
        value=num_steps, min=1, max=200, description="steps", style=_STYLE, layout=_LAYOUT
    )

    def draw(learning_rate, beta1, beta2, num_steps):
        try:
            with np.errstate(all="ignore"):
                paths = race(learning_rate, beta1, beta2, num_steps)
        except NotImplementedError:
            print("Write the update functions above, run their cells, then run this cell again.")
            return
        except Exception as error:  # show the student's error without a long traceback
            print(f"the race raised {type(error).__name__}: {error}")
            return
        with np.errstate(all="ignore"):
            named = {f"{name}: ends at loss {loss(*np.asarray(path)[-1]):.3f}": path
                     for name, path in paths.items()}  # fmt: skip
        fig, ax = plt.subplots(figsize=(8, 5.2), layout="constrained")
        title = f"α = {learning_rate:.3f}, β₁ = {beta1:.2f}, β₂ = {beta2}, {num_steps} steps"
        plot_paths_on_contours(loss, named, x_range, y_range, ax=ax, title=title)
        plt.show()

    plot = widgets.interactive_output(
        draw, {"learning_rate": rate, "beta1": b1, "beta2": b2, "num_steps": steps}
    )
    return widgets.VBox([rate, b1, b2, steps, plot])


@live_only
def picture_explorer(pictures, labels, classes, network, *, index=0):
    """A slider over pictures: each one beside what the trained network makes of it.

    pictures: uint8 (m, 64, 64, 3); labels: m labels 0/1 (any shape); classes: the names,
        classes[label] (bytes or str).
    network: function picture (64, 64, 3) -> (hidden, probability): the hidden layer's
        activations (n_h,) and the output, the probability of "cat" (a float). It runs the
        student's forward pass; re-run the cell after retraining.
    index: the picture the slider starts at.

    Returns a widget: the slider above three panels (picture, hidden units, output).
    """
    labels = np.asarray(labels).reshape(-1).astype(int)
    names = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
    which = widgets.IntSlider(
        value=index, min=0, max=len(pictures) - 1, description="picture", style=_STYLE,
        layout=_LAYOUT,
    )  # fmt: skip

    def draw(i):
        try:
            hidden, probability = network(pictures[i])
            hidden, probability = np.asarray(hidden, float).reshape(-1), float(probability)
        except NotImplementedError:
            print("Write and train the network above, then run this cell again.")
            return
        except Exception as error:  # show the student's error without a long traceback
            print(f"the network raised {type(error).__name__}: {error}")
            return
        answer = int(probability > 0.5)
        fig, (ax_pic, ax_hidden, ax_out) = plt.subplots(
            1, 3, figsize=(10, 3), layout="constrained", width_ratios=[1.1, 1.6, 0.8]
        )
        ax_pic.imshow(pictures[i])
        ax_pic.set_title(f"picture {i}: a {names[labels[i]]}", fontsize=10)
        ax_pic.axis("off")
        ax_hidden.bar(np.arange(1, hidden.size + 1), hidden, color=CURVE)
        ax_hidden.set(xlabel="hidden unit", ylabel="activation (relu)",
                      title="What the hidden layer sees")  # fmt: skip
        ax_hidden.set_xticks(np.arange(1, hidden.size + 1))
        right = answer == labels[i]
        ax_out.bar([0], [probability], color=PATH if right else END, width=0.6)
        ax_out.axhline(0.5, color="gray", ls="--", lw=1)
        ax_out.set(xlim=(-0.6, 0.6), ylim=(0, 1), xticks=[], ylabel="P(cat)")
        verdict = "right" if right else "wrong"
        ax_out.set_title(f"{probability:.2f}: says {names[answer]}\n({verdict})", fontsize=10)
        plt.show()

    plot = widgets.interactive_output(draw, {"i": which})
    return widgets.VBox([which, plot])


@live_only
def signal_explorer(initialize_parameters_deep, L_model_forward, X, *, width=20, hidden=3,
                    gain=1.0):  # fmt: skip
    """Sliders for the depth and a gain on the initial weights, over the signal's size per layer.

    initialize_parameters_deep: the student's function layer_dims -> parameters.
    L_model_forward: the student's function (X, parameters) -> (AL, caches).
    X: (n_x, m), the inputs the network is run on.
    width: units in every hidden layer; hidden, gain: where the sliders start.

    For [n_x, width, ..., width, 1] the widget multiplies every weight the student's
    initialisation draws by the gain, runs the forward pass and draws the spread (standard
    deviation) of Z[l] for every layer l, on a log scale.
    """
    depth = widgets.IntSlider(
        value=hidden, min=1, max=12, description="hidden layers", style=_STYLE, layout=_LAYOUT
    )
    factor = widgets.FloatLogSlider(
        value=gain, base=10, min=-1, max=1, step=0.025, readout_format=".2f",
        description="gain on W", style=_STYLE, layout=_LAYOUT,
    )  # fmt: skip

    def draw(hidden, gain):
        dims = [X.shape[0]] + [width] * hidden + [1]
        try:
            np.random.seed(0)
            parameters = initialize_parameters_deep(dims)
            scaled = {k: v * gain if k.startswith("W") else v for k, v in parameters.items()}
            with np.errstate(all="ignore"):
                _, caches = L_model_forward(X, scaled)
            spreads = [float(np.std(Z)) for _, Z in caches]
        except NotImplementedError:
            print("Write initialize_parameters_deep and L_model_forward, then run this cell again.")
            return
        except Exception as error:  # show the student's error without a long traceback
            print(f"your functions raised {type(error).__name__}: {error}")
            return
        fig, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
        layers = np.arange(1, len(spreads) + 1)
        ax.bar(layers, np.maximum(spreads, 1e-300), color=CURVE)
        ax.set_yscale("log")
        ax.set_ylim(1e-12, 1e6)
        ax.set_xticks(layers)
        ax.set(xlabel="layer l", ylabel="std of Z[l] (log scale)",
               title=f"{hidden} hidden layers of {width}, weights × {gain:.2f}: "
                     f"last layer's spread {spreads[-1]:.2g}")  # fmt: skip
        ax.grid(alpha=0.3, axis="y")
        plt.show()

    plot = widgets.interactive_output(draw, {"hidden": depth, "gain": factor})
    return widgets.VBox([depth, factor, plot])


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
