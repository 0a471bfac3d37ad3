"""Interactive widgets: sliders that re-run the student's own code and redraw its result.

Each function takes the student's functions as arguments and returns an ipywidgets widget;
show it as a cell's last expression. They work with ipywidgets 8 and the default inline
matplotlib backend: every slider change re-runs the drawing function inside an `Output`
widget, which is cleared and filled with the new figure.
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

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
