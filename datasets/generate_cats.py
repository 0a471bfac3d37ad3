"""Generate the cat / non-cat pictures: 64×64 RGB cartoons in the classic HDF5 layout.

What it makes, next to this file:

    train_catvnoncat.h5   train_set_x uint8 (209, 64, 64, 3), train_set_y int64 (209,),
                          list_classes [b'non-cat', b'cat']        72 cats, 137 non-cats
    test_catvnoncat.h5    test_set_x uint8 (50, 64, 64, 3), test_set_y int64 (50,),
                          list_classes [b'non-cat', b'cat']        33 cats, 17 non-cats

Label 1 is a cat face: pointed ears, slit pupils, whiskers, a coat (ginger, grey, black,
white, cream, tabby stripes, calico patches, tuxedo, siamese points). Label 0 is anything
else: 40% confusable animals (pointy-eared dog, fox, owl, bear, mouse, rabbit, pig) and
the rest objects (balls, clocks, flowers, houses, trees, fruit, mugs, cupcakes, balloons,
cars, donuts, umbrellas, landscapes). Every picture shares the same backgrounds, lighting,
colour cast, dim exposure and pixel noise, and the same pose: radius 0.30-0.36 of the side,
centre jitter ±0.05, rotation ±10°.

The knobs below are tuned for the course's accuracy ladder (float64, the course's
hyper-parameters; 50 test pictures, so one picture is 2 points). With SEED = 9:

    model                                    train  test
    logistic regression (lr 0.005, 2000 it)  0.97   0.70
    2-layer [12288, 7, 1], W × 0.01          1.00   0.74
    4-layer [12288, 20, 7, 5, 1], W / √n     1.00   0.82
    4-layer, W × 0.01                        0.66   0.34   (stalls: cost stays 0.64)

What each knob does (measured on 4-10 seeds, each scored on 600 extra test-like pictures):

- BRIGHTNESS, the exposure, is the knob that separates the 2-layer net from logistic
  regression. The course feeds x / 255 with fixed learning rates, so gradient steps shrink
  with the square of the exposure: at 0.42-0.55 logistic regression is still a little
  under-trained after 2000 iterations (train ≈ 97%), while the nets, whose effective step
  grows with their weights, finish. At full exposure (0.85-1.1) logistic regression and the
  2-layer net agree on 98% of pictures and score the same.
- ANIMAL_SHARE: more look-alike animals lower every model, the linear ones most. At 0.6
  the 4-layer net sometimes fails to train.
- JITTER, RADIUS, TILT: a steadier pose lifts every model alike (jitter 0.03: +6 points);
  more jitter collapses the deep net.
- NOISE barely matters (more noise makes the pictures easier to memorise, not to classify).
- SEED: from seed to seed the 50 test pictures swing every model by about ±6 points
  together; the order logistic < 2-layer < 4-layer held on 8 of seeds 1-10.

Nothing is downloaded: each picture is drawn with NumPy at 3× resolution (boolean masks of
ellipses, convex polygons and thick lines) and averaged down to 64×64, from a seed that
depends only on the split and the picture's index. The HDF5 files are written without
timestamps, so every run writes the same bytes (with the pinned numpy and h5py).

Regenerate (about a second):

    python datasets/generate_cats.py            # writes next to this file
    python datasets/generate_cats.py OUT_DIR    # writes into OUT_DIR
"""

import argparse
from pathlib import Path

import h5py
import numpy as np

SIDE = 64  # pixels per side of a picture
SUPER = 3  # drawn at SUPER× resolution, then averaged: smooth edges
SEED = 9  # the ladder above; seeds 1, 6 and 8 also land inside the targets
SPLITS = {  # split: (file, number of cats, number of non-cats)
    "train": ("train_catvnoncat.h5", 72, 137),
    "test": ("test_catvnoncat.h5", 33, 17),
}
CLASSES = [b"non-cat", b"cat"]
ANIMAL_SHARE = 0.4  # share of the non-cats that are animals (the rest are objects)

# Pose, in units of the picture side (a prototype showed more jitter collapses the deep net).
RADIUS = (0.30, 0.36)  # head (or object) radius
CENTRE = (0.5, 0.54)  # mean centre (x, y); y points down, a little low so the ears fit
JITTER = 0.05  # centre jitter, each axis
TILT = np.deg2rad(10)  # rotation

NOISE = 6.0  # standard deviation of the pixel noise, in 0-255 units
BRIGHTNESS = (0.42, 0.55)  # range of the overall exposure: dim, like a room without flash
LIGHT = 0.12  # strength of the light falling from one side (a ramp across the picture)
CAST = 0.07  # strength of the colour cast (each channel scaled by 1 ± CAST)


def rgb(hex_colour):
    """'#rrggbb' → array of 3 floats in [0, 1]."""
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255.0


WHITE, BLACK, PINK = rgb("#fafafa"), rgb("#141414"), rgb("#f09aa8")
DARK_PINK = rgb("#d0607a")


# ---------------------------------------------------------------- drawing


class Mask:
    """A boolean picture that is false outside one window of the canvas.

    `box` = (r0, r1, c0, c1): rows r0:r1 and columns c0:c1 of the canvas; `inside`: the
    boolean array for that window. Shapes only compute their own window, which keeps
    drawing fast. Combine masks with `&` (both), `|` (either) and `-` (the first but not
    the second).
    """

    def __init__(self, box, inside):
        self.box, self.inside = box, inside

    def crop(self, box):
        """This mask on another window (false where this mask has no pixels)."""
        r0, r1, c0, c1 = box
        out = np.zeros((r1 - r0, c1 - c0), dtype=bool)
        a0, a1, b0, b1 = self.box
        top, bottom, left, right = max(r0, a0), min(r1, a1), max(c0, b0), min(c1, b1)
        if top < bottom and left < right:
            out[top - r0 : bottom - r0, left - c0 : right - c0] = self.inside[
                top - a0 : bottom - a0, left - b0 : right - b0
            ]
        return out

    def __and__(self, other):
        (a0, a1, b0, b1), (c0, c1, d0, d1) = self.box, other.box
        top, left = max(a0, c0), max(b0, d0)
        box = (top, max(top, min(a1, c1)), left, max(left, min(b1, d1)))
        return Mask(box, self.crop(box) & other.crop(box))

    def __or__(self, other):
        (a0, a1, b0, b1), (c0, c1, d0, d1) = self.box, other.box
        box = (min(a0, c0), max(a1, c1), min(b0, d0), max(b1, d1))
        return Mask(box, self.crop(box) | other.crop(box))

    def __sub__(self, other):
        return Mask(self.box, self.inside & ~other.crop(self.box))


class Canvas:
    """A picture being drawn: `rgb` is (n, n, 3) floats in [0, 1], n = SIDE·SUPER.

    `x`, `y`: (n, n), the pixel centres in units of the picture side (0 at the top left,
    y down); `centres`: (n,), the same along one axis.
    """

    n = SIDE * SUPER
    centres = (np.arange(n) + 0.5) / n  # in units of the picture side
    x, y = np.meshgrid(centres, centres)

    def __init__(self):
        self.rgb = np.zeros((self.n, self.n, 3))

    def paint(self, mask, colour):
        """Set the pixels of `mask` (a Mask) to `colour` (3 floats in [0, 1])."""
        r0, r1, c0, c1 = mask.box
        self.rgb[r0:r1, c0:c1][mask.inside] = colour

    def image(self):
        """The picture averaged down to (SIDE, SIDE, 3) floats."""
        blocks = [self.rgb[i::SUPER, j::SUPER] for i in range(SUPER) for j in range(SUPER)]
        return sum(blocks) / SUPER**2


class Frame:
    """Local coordinates (u, v) of a subject: unit = its radius, origin at its centre.

    u points right and v down in the subject's own (rotated) frame, so a drawing made in
    (u, v) moves, scales and turns with the pose. Every shape returns a Mask.
    """

    def __init__(self, canvas, cx, cy, radius, angle):
        self.canvas, self.centre, self.radius = canvas, (cx, cy), radius
        self.cos, self.sin = float(np.cos(angle)), float(np.sin(angle))
        dx, dy = canvas.x - cx, canvas.y - cy
        self.u = (self.cos * dx + self.sin * dy) / radius
        self.v = (-self.sin * dx + self.cos * dy) / radius

    def window(self, umin, umax, vmin, vmax):
        """The canvas window (r0, r1, c0, c1) holding the local box [umin, umax]×[vmin, vmax]."""
        (cx, cy), r, c, s, n = self.centre, self.radius, self.cos, self.sin, self.canvas.n
        corners = [(umin, vmin), (umax, vmin), (umax, vmax), (umin, vmax)]
        xs = [(cx + r * (c * u - s * v)) * n for u, v in corners]
        ys = [(cy + r * (s * u + c * v)) * n for u, v in corners]
        clip = lambda i: int(min(max(i, 0), n))  # noqa: E731
        return clip(min(ys) - 1), clip(max(ys) + 1), clip(min(xs) - 1), clip(max(xs) + 1)

    def _uv(self, box):
        """u and v on a window of the canvas."""
        r0, r1, c0, c1 = box
        return self.u[r0:r1, c0:c1], self.v[r0:r1, c0:c1]

    def ellipse(self, cu, cv, ru, rv, tilt=0.0):
        """The ellipse centred at (cu, cv) with radii (ru, rv), turned by `tilt` radians."""
        r = max(ru, rv)
        box = self.window(cu - r, cu + r, cv - r, cv + r)
        u, v = self._uv(box)
        du, dv = u - cu, v - cv
        if tilt:
            c, s = np.cos(tilt), np.sin(tilt)
            du, dv = c * du + s * dv, -s * du + c * dv
        return Mask(box, (du / ru) ** 2 + (dv / rv) ** 2 <= 1.0)

    def circle(self, cu, cv, r):
        return self.ellipse(cu, cv, r, r)

    def polygon(self, points):
        """The convex polygon with these (u, v) corners (either winding)."""
        pts = np.asarray(points, dtype=float)
        (umin, vmin), (umax, vmax) = pts.min(axis=0), pts.max(axis=0)
        box = self.window(umin, umax, vmin, vmax)
        u, v = self._uv(box)
        left = right = True
        for (u0, v0), (u1, v1) in zip(pts, np.roll(pts, -1, axis=0), strict=True):
            cross = (u1 - u0) * (v - v0) - (v1 - v0) * (u - u0)
            left, right = left & (cross >= 0), right & (cross <= 0)
        return Mask(box, left | right)

    def line(self, points, width):
        """Pixels within width/2 of the polyline through these (u, v) points."""
        pts = np.asarray(points, dtype=float)
        h = width / 2
        lo, hi = pts.min(axis=0) - h, pts.max(axis=0) + h
        box = self.window(lo[0], hi[0], lo[1], hi[1])
        u, v = self._uv(box)
        inside = np.zeros(u.shape, dtype=bool)
        for (u0, v0), (u1, v1) in zip(pts[:-1], pts[1:], strict=True):
            du, dv = u1 - u0, v1 - v0
            t = np.clip(((u - u0) * du + (v - v0) * dv) / (du * du + dv * dv), 0.0, 1.0)
            inside |= (u - u0 - t * du) ** 2 + (v - v0 - t * dv) ** 2 <= h * h
        return Mask(box, inside)

    def band(self, vmin, vmax):
        """Pixels with vmin <= v < vmax (a horizontal band of the subject's frame)."""
        box = (0, self.canvas.n, 0, self.canvas.n)
        _, v = self._uv(box)
        return Mask(box, (v >= vmin) & (v < vmax))

    def wedge(self, a0, a1):
        """Pixels whose polar angle around the centre is in [a0, a1) (radians, v down)."""
        box = (0, self.canvas.n, 0, self.canvas.n)
        angle = np.arctan2(*self._uv(box)[::-1])
        return Mask(box, (angle >= a0) & (angle < a1))


def mirror(points):
    """The same points reflected left ↔ right (u → -u)."""
    return [(-u, v) for u, v in points]


def shade(colour, factor):
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of a colour."""
    colour = np.asarray(colour, dtype=float)
    if factor <= 1:
        return colour * factor
    return 1 - (1 - colour) / factor


def pick(rng, options):
    return options[rng.integers(len(options))]


# ---------------------------------------------------------------- backgrounds

WALLS = [rgb(h) for h in ("#d9cbb0", "#b9c7d6", "#e6dfd2", "#c9d6b8", "#d8b4a0", "#a7a9ac",
                          "#efe3c4", "#9fb3c8", "#cfc0d8", "#8a9a7b", "#c4a57c", "#e8d0d0",
                          "#6d7b8d", "#f2efe8", "#b8a48c", "#5f6b5a")]  # fmt: skip
DARK_WALLS = [rgb(h) for h in ("#2a3550", "#3a2a2a", "#2a3a2e", "#3a3a3e", "#4a3a2a", "#502a3a",
                               "#1e2228", "#3e4a5a")]  # fmt: skip
DARK_SHARE = 0.3  # share of backgrounds that are dark
FLOORS = [rgb(h) for h in ("#8b6a4a", "#a9825a", "#6f5a48", "#9c9c94", "#7b8c5a", "#b99a76",
                           "#5a4a3a", "#c2b8a3")]  # fmt: skip


def background(cv, rng):
    """One of eight backgrounds, chosen and coloured the same way for every class."""
    t = cv.centres  # (n,): rows and columns, in units of the picture side
    a, b = pick(rng, WALLS), pick(rng, WALLS)
    if rng.random() < DARK_SHARE:
        a, b = pick(rng, DARK_WALLS), shade(a, 0.5)
    period = rng.uniform(0.08, 0.25)
    kind = rng.integers(8)
    cv.rgb[:] = a
    if kind == 1:  # soft gradient, darker below
        cv.rgb[:] = a + (shade(a, 0.7) - a) * t[:, None, None]
    elif kind == 2:  # wall and floor
        cv.rgb[t > rng.uniform(0.62, 0.85)] = pick(rng, FLOORS)
    elif kind == 3:  # striped wallpaper
        cv.rgb[:, (t / period) % 1 < 0.5] = shade(a, rng.uniform(0.8, 0.9))
    elif kind == 4:  # sky and grass
        sky = rgb(pick(rng, ["#8ec5ea", "#a9d3f0", "#6fa8dc", "#c7e0f4"]))
        cv.rgb[:] = sky + (shade(sky, 1.8) - sky) * t[:, None, None]
        cv.rgb[t > rng.uniform(0.6, 0.8)] = rgb(pick(rng, ["#6aa84f", "#7fb35a", "#93c47d"]))
    elif kind == 5:  # polka dots
        d = ((t / period) % 1 - 0.5) ** 2
        cv.rgb[d[:, None] + d[None, :] < 0.06] = b
    elif kind == 6:  # checked blanket
        odd = (t // period) % 2 == 1
        cv.rgb[odd[:, None] != odd[None, :]] = shade(b, 0.9)
    elif kind == 7:  # diagonal stripes
        cv.rgb[((t[:, None] + t[None, :]) / period) % 1 < 0.35] = b


# ---------------------------------------------------------------- cats

COATS = {  # name: (base, stripes or patches)
    "ginger": ("#e8933a", "#b8601c"),
    "grey": ("#9a9ea6", "#5c6068"),
    "black": ("#262626", "#101010"),
    "white": ("#f2f0ea", "#d8d4cc"),
    "cream": ("#f0d6a8", "#d4a86c"),
    "brown": ("#9a7250", "#5a3e28"),
    "silver": ("#c8ccd0", "#4a4e56"),
    "pink": ("#e0bfb4", "#c09a90"),  # a hairless sphynx
}
IRISES = [rgb(h) for h in ("#8fd14f", "#e8c832", "#e89a2a", "#6fb4e8", "#b8e06a", "#d4e060",
                           "#b0a040", "#d07a30", "#98b090", "#c8a878")]  # fmt: skip


def draw_cat(f, cv, rng):
    """A cat face: pointed ears, slit pupils, a pink nose, a 'w' mouth, whiskers."""
    breed = pick(rng, ["domestic", "domestic", "domestic", "kitten", "persian", "fold", "coon",
                       "sphynx"])  # fmt: skip
    coat = pick(rng, list(COATS)[:-1])
    pattern = pick(rng, ["solid", "tabby", "tabby", "calico", "tuxedo", "siamese", "bicolour"])
    if breed == "sphynx":
        coat, pattern = "pink", "solid"
    base, stripe = rgb(COATS[coat][0]), rgb(COATS[coat][1])
    if pattern == "calico":
        base = WHITE * 0.97
    if pattern == "tuxedo":
        base, stripe = rgb("#222222"), WHITE
    if pattern == "siamese":
        base, stripe = rgb("#efe2c8"), rgb("#4a3328")
    ear_colour = stripe if pattern == "siamese" else base
    dark_coat = base.mean() < 0.45
    inner_ear = pick(rng, [PINK, PINK, shade(ear_colour, 0.7), shade(ear_colour, 1.6)])

    if rng.random() < 0.6:  # shoulders
        cv.paint(f.ellipse(0, 1.85, 1.35, 0.9), shade(base, 0.92))

    # ears: a tall triangle on each side of the top, a lighter or pink inside
    spread, height = rng.uniform(0.55, 0.85), rng.uniform(1.2, 1.55)
    outside, inside = rng.uniform(0.85, 1.0), rng.uniform(0.1, 0.3)
    if breed == "persian":  # small, wide-set ears
        spread, height, inside = rng.uniform(0.75, 0.9), rng.uniform(0.95, 1.1), 0.4
    if breed in ("kitten", "sphynx"):  # big ears
        spread, height = rng.uniform(0.7, 0.9), rng.uniform(1.5, 1.7)
    for side in (-1, 1):
        outer = [(side * outside, -0.22), (side * inside, -0.78), (side * spread, -height)]
        if breed == "fold":  # ears folded forward: small caps pointing down and out
            outer = [(side * 0.85, -0.45), (side * 0.3, -0.8), (side * 0.8, -1.02)]
        cu = sum(p[0] for p in outer) / 3
        cv_ = sum(p[1] for p in outer) / 3 + 0.05
        inner = [(cu + 0.58 * (u - cu), cv_ + 0.58 * (v - cv_)) for u, v in outer]
        cv.paint(f.polygon(outer), ear_colour)
        if breed != "fold":
            cv.paint(f.polygon(inner), inner_ear)
        if breed == "coon":  # lynx tips
            tip = outer[2]
            cv.paint(f.line([tip, (tip[0] + side * 0.05, tip[1] - 0.22)], 0.05), shade(base, 0.6))

    head = f.ellipse(0, 0, rng.uniform(0.92, 1.05), rng.uniform(0.8, 0.92))
    cv.paint(head, base)
    ruff = 1.35 if breed in ("coon", "persian") else 1.12
    for side in (-1, 1):  # cheek tufts
        cv.paint(f.polygon([(side * 0.78, 0.3), (side * ruff, 0.5), (side * 0.6, 0.62)]), base)
        if breed in ("coon", "persian"):
            cv.paint(f.polygon([(side * 0.85, 0.0), (side * ruff, 0.2), (side * 0.8, 0.35)]), base)
    if breed == "sphynx":  # forehead wrinkles
        for v in (-0.62, -0.5):
            cv.paint(f.line([(-0.25, v), (0, v + 0.04), (0.25, v)], 0.035), shade(base, 0.75))

    if pattern == "tabby":
        for u in (-0.22, 0.0, 0.22):  # the 'M' on the forehead
            cv.paint(head & f.polygon([(u - 0.06, -0.9), (u + 0.06, -0.9), (u, -0.42)]), stripe)
        for side in (-1, 1):
            for v in (0.0, 0.18):
                cv.paint(head & f.line([(side * 1.05, v - 0.05), (side * 0.72, v)], 0.09), stripe)
    elif pattern == "calico":
        for _ in range(3):
            colour = pick(rng, [rgb("#e8933a"), rgb("#2a2a2a"), rgb("#c87a30")])
            patch = f.ellipse(
                rng.uniform(-0.8, 0.8), rng.uniform(-0.8, 0.1), rng.uniform(0.3, 0.5), 0.35,
                rng.uniform(0, np.pi),
            )  # fmt: skip
            cv.paint(head & patch, colour)
    elif pattern == "tuxedo":
        cv.paint(head & f.polygon([(-0.1, -0.6), (0.1, -0.6), (0.35, 0.3), (-0.35, 0.3)]), WHITE)
        cv.paint(head & f.ellipse(0, 0.55, 0.7, 0.45), WHITE)
    elif pattern == "siamese":
        cv.paint(head & f.ellipse(0, 0.32, 0.55, 0.6), stripe)
    elif pattern == "bicolour":
        cv.paint(head & f.ellipse(0, 0.7, 0.9, 0.6), WHITE)

    nose = rng.uniform(0.16, 0.28)  # height of the nose; the mouth and whiskers hang from it
    if pattern not in ("siamese", "tuxedo") and rng.random() < 0.6:  # light muzzle
        for side in (-1, 1):
            cv.paint(f.ellipse(side * 0.16, nose + 0.18, 0.2, 0.15), shade(base, 1.6))

    # eyes: almond, coloured iris, vertical slit pupil, a glint (or shut, content)
    iris = rgb("#5aa8e8") if pattern == "siamese" else pick(rng, IRISES)
    spacing, level = rng.uniform(0.32, 0.46), rng.uniform(-0.18, 0.0)
    size = rng.uniform(0.16, 0.24)
    if breed == "kitten":
        size = rng.uniform(0.24, 0.28)
    width, pupil = size * rng.uniform(0.75, 0.95), rng.uniform(0.035, 0.075)
    slant = rng.uniform(0.05, 0.25)
    shut = rng.random() < 0.08
    for side in (-1, 1):
        eu = side * spacing
        if shut:
            lid = [(eu - size, level), (eu - size / 2, level + 0.06), (eu + size / 2, level + 0.06)]
            cv.paint(f.line(lid + [(eu + size, level)], 0.06), BLACK)
            continue
        cv.paint(f.ellipse(eu, level, size + 0.035, width + 0.035, side * slant), BLACK)
        cv.paint(f.ellipse(eu, level, size, width, side * slant), iris)
        cv.paint(f.ellipse(eu, level, pupil, width), BLACK)
        cv.paint(f.circle(eu + 0.07, level - 0.06, 0.04), WHITE)

    # nose and mouth
    nose_colour = PINK if coat != "ginger" else DARK_PINK
    cv.paint(f.polygon([(-0.11, nose - 0.05), (0.11, nose - 0.05), (0, nose + 0.06)]), nose_colour)
    mouth = shade(base, 0.45) if not dark_coat else rgb("#777777")
    m = nose + 0.13
    cv.paint(f.line([(0, nose + 0.05), (0, m)], 0.04), mouth)
    smile = [(-0.22, m + 0.02), (-0.11, m + 0.08), (0, m), (0.11, m + 0.08), (0.22, m + 0.02)]
    cv.paint(f.line(smile, 0.04), mouth)

    # whiskers: two to four on each side, reaching past the cheeks
    whisker = WHITE if dark_coat or rng.random() < 0.5 else rgb("#3a3a3a")
    droop, count = rng.uniform(-0.05, 0.1), rng.integers(2, 5)
    for side in (-1, 1):
        for k in range(count):
            start = (side * 0.33, nose + 0.09 + 0.06 * k)
            end = (side * rng.uniform(1.25, 1.5), nose - 0.09 + 0.17 * k + droop)
            cv.paint(f.line([start, end], 0.04), whisker)


# ---------------------------------------------------------------- animals (non-cats)


def dot_eyes(f, cv, spacing, height, size, colour=BLACK):
    """Round dark eyes with a glint, as cartoons draw dogs, bears and mice."""
    for side in (-1, 1):
        cv.paint(f.circle(side * spacing, height, size), colour)
        cv.paint(f.circle(side * spacing + size * 0.35, height - size * 0.35, size * 0.35), WHITE)


def draw_dog(f, cv, rng):
    """A pointy-eared dog (shiba, husky, shepherd): long snout, big black nose, round eyes."""
    base = rgb(pick(rng, ["#d8893a", "#8a8e96", "#6a4a30", "#2a2a2a", "#c8a070", "#e8e2d8"]))
    light = rgb(pick(rng, ["#f4ecdc", "#fafafa", "#e8d4b0"]))
    if rng.random() < 0.5:
        cv.paint(f.ellipse(0, 1.85, 1.3, 0.9), shade(base, 0.92))
    for side in (-1, 1):
        outer = [(side * 1.0, -0.05), (side * 0.3, -0.72), (side * rng.uniform(0.85, 1.0), -1.35)]
        cv.paint(f.polygon(outer), base)
        cv.paint(f.polygon([(side * 0.88, -0.2), (side * 0.45, -0.66), (side * 0.86, -1.1)]),
                 shade(base, 0.7))  # fmt: skip
    head = f.ellipse(0, 0, 0.92, 0.95)
    cv.paint(head, base)
    if rng.random() < 0.5:  # husky / shiba mask
        for side in (-1, 1):
            cv.paint(head & f.ellipse(side * 0.45, 0.25, 0.45, 0.45), light)
    cv.paint(f.ellipse(0, 0.5, 0.5, 0.4), light)  # snout
    cv.paint(f.ellipse(0, 0.3, 0.19, 0.12), BLACK)  # nose
    cv.paint(f.line([(0, 0.38), (0, 0.6)], 0.05), BLACK)
    cv.paint(f.line([(-0.3, 0.58), (-0.15, 0.66), (0, 0.6), (0.15, 0.66), (0.3, 0.58)], 0.05),
             BLACK)  # fmt: skip
    if rng.random() < 0.5:
        cv.paint(f.ellipse(0.05, 0.78, 0.13, 0.15), rgb("#e86a7a"))  # tongue
    dot_eyes(f, cv, 0.38, -0.18, 0.12, rgb("#2a1a10"))


def draw_fox(f, cv, rng):
    """A fox: big black-tipped ears, white cheeks, a pointed snout with a black nose."""
    base = rgb(pick(rng, ["#e0702a", "#d8802a", "#c8602a", "#b8b8b8"]))
    if rng.random() < 0.5:
        cv.paint(f.ellipse(0, 1.85, 1.2, 0.85), base)
    for side in (-1, 1):
        outer = [(side * 0.95, -0.2), (side * 0.2, -0.7), (side * 0.78, -1.5)]
        cv.paint(f.polygon(outer), base)
        cv.paint(f.polygon([(side * 0.7, -1.15), (side * 0.52, -1.05), (side * 0.78, -1.5)]), BLACK)
        cv.paint(f.polygon([(side * 0.8, -0.3), (side * 0.35, -0.65), (side * 0.72, -1.1)]), WHITE)
    cv.paint(f.ellipse(0, -0.05, 1.0, 0.75), base)
    for side in (-1, 1):
        cv.paint(f.polygon([(side * 1.15, 0.15), (side * 0.1, 0.2), (side * 0.05, 0.9)]), WHITE)
    cv.paint(f.polygon([(-0.32, -0.1), (0.32, -0.1), (0, 0.9)]), base)
    cv.paint(f.polygon([(-0.16, 0.55), (0.16, 0.55), (0, 0.9)]), WHITE)
    cv.paint(f.ellipse(0, 0.86, 0.1, 0.08), BLACK)
    for side in (-1, 1):
        cv.paint(f.ellipse(side * 0.38, -0.1, 0.14, 0.07, side * 0.3), BLACK)


def draw_owl(f, cv, rng):
    """An owl: ear tufts, two facial discs, big round eyes, a hooked beak, chest feathers."""
    base = rgb(pick(rng, ["#8a6a4a", "#a08060", "#7a7a7a", "#c8b090", "#5a4630"]))
    disc = shade(base, 1.7)
    cv.paint(f.ellipse(0, 0.9, 1.05, 1.0), base)
    for side in (-1, 1):
        cv.paint(f.ellipse(side * 0.95, 0.9, 0.35, 0.8, side * 0.2), shade(base, 0.75))  # wings
        cv.paint(f.polygon([(side * 0.95, -0.4), (side * 0.4, -0.75), (side * 0.9, -1.3)]), base)
    cv.paint(f.ellipse(0, -0.05, 1.0, 0.85), base)
    for _ in range(8):  # chest chevrons
        u, v = rng.uniform(-0.5, 0.5), rng.uniform(0.9, 1.4)
        cv.paint(f.line([(u - 0.1, v - 0.06), (u, v), (u + 0.1, v - 0.06)], 0.05), shade(base, 0.6))
    iris = rgb(pick(rng, ["#f0c020", "#f08a20", "#f0d850"]))
    for side in (-1, 1):
        cv.paint(f.circle(side * 0.42, -0.05, 0.42), disc)
        cv.paint(f.circle(side * 0.42, -0.05, 0.26), BLACK)
        cv.paint(f.circle(side * 0.42, -0.05, 0.23), iris)
        cv.paint(f.circle(side * 0.42, -0.05, 0.13), BLACK)
        cv.paint(f.circle(side * 0.42 + 0.06, -0.11, 0.045), WHITE)
    cv.paint(f.polygon([(-0.1, 0.15), (0.1, 0.15), (0, 0.45)]), rgb("#e0a030"))


def draw_bear(f, cv, rng):
    """A bear: round ears, a pale muzzle, a big black nose, small round eyes."""
    base = rgb(pick(rng, ["#7a5030", "#5a3a22", "#2a2522", "#f0ece0", "#a07048"]))
    if rng.random() < 0.5:
        cv.paint(f.ellipse(0, 1.85, 1.35, 0.9), base)
    for side in (-1, 1):
        cv.paint(f.circle(side * 0.72, -0.72, 0.32), base)
        cv.paint(f.circle(side * 0.72, -0.72, 0.18), shade(base, 1.5 if base.mean() < 0.5 else 0.8))
    cv.paint(f.ellipse(0, 0, 1.0, 0.9), base)
    cv.paint(f.ellipse(0, 0.38, 0.42, 0.32), rgb("#e0c8a0") if base.mean() < 0.8 else WHITE)
    cv.paint(f.ellipse(0, 0.24, 0.17, 0.11), BLACK)
    cv.paint(f.line([(0, 0.3), (0, 0.45), (-0.12, 0.52)], 0.045), BLACK)
    cv.paint(f.line([(0, 0.45), (0.12, 0.52)], 0.045), BLACK)
    dot_eyes(f, cv, 0.36, -0.15, 0.09)


def draw_mouse(f, cv, rng):
    """A mouse: huge round ears, a pointed face, a pink nose, beady eyes, whiskers."""
    base = rgb(pick(rng, ["#a0a0a8", "#8a7a6a", "#e8e4dc", "#c0b0a0"]))
    for side in (-1, 1):
        cv.paint(f.circle(side * 0.78, -0.7, 0.5), base)
        cv.paint(f.circle(side * 0.78, -0.7, 0.34), PINK)
    cv.paint(f.ellipse(0, 0, 0.82, 0.75), base)
    cv.paint(f.polygon([(-0.6, 0.2), (0.6, 0.2), (0, 0.75)]), base)
    cv.paint(f.circle(0, 0.68, 0.1), DARK_PINK)
    dot_eyes(f, cv, 0.32, -0.05, 0.1)
    for side in (-1, 1):
        for k in range(2):
            cv.paint(f.line([(side * 0.15, 0.6 + 0.05 * k), (side * 1.1, 0.45 + 0.2 * k)], 0.035),
                     rgb("#404040"))  # fmt: skip


def draw_rabbit(f, cv, rng):
    """A rabbit: long upright ears, a pink nose, round eyes, whiskers, buck teeth."""
    base = rgb(pick(rng, ["#f2f0ea", "#b89878", "#9a9ea6", "#8a6a50", "#e0d0b8"]))
    for side in (-1, 1):
        cv.paint(f.ellipse(side * 0.38, -1.15, 0.22, 0.72, side * 0.15), base)
        cv.paint(f.ellipse(side * 0.38, -1.1, 0.11, 0.55, side * 0.15), PINK)
    cv.paint(f.ellipse(0, 0.05, 0.85, 0.8), base)
    for side in (-1, 1):
        cv.paint(f.ellipse(side * 0.15, 0.4, 0.18, 0.14), shade(base, 1.5))
    cv.paint(f.polygon([(-0.1, 0.5), (0.1, 0.5), (0.1, 0.68), (-0.1, 0.68)]), WHITE)  # teeth
    cv.paint(f.line([(0, 0.5), (0, 0.68)], 0.02), rgb("#909090"))
    cv.paint(f.ellipse(0, 0.26, 0.09, 0.07), DARK_PINK)
    dot_eyes(f, cv, 0.36, -0.05, 0.12, rgb("#301a10"))
    for side in (-1, 1):
        for k in range(2):
            cv.paint(f.line([(side * 0.25, 0.36 + 0.06 * k), (side * 1.2, 0.25 + 0.2 * k)], 0.035),
                     rgb("#505050"))  # fmt: skip


def draw_pig(f, cv, rng):
    """A pig: pink, floppy triangular ears, a round snout with nostrils, small eyes."""
    base = rgb(pick(rng, ["#f4b0b8", "#f0a0a8", "#e8c0b8", "#d89090"]))
    for side in (-1, 1):
        cv.paint(f.polygon([(side * 0.9, -0.35), (side * 0.3, -0.8), (side * 1.15, -1.05)]),
                 shade(base, 0.9))  # fmt: skip
    cv.paint(f.ellipse(0, 0, 1.0, 0.85), base)
    cv.paint(f.ellipse(0, 0.32, 0.36, 0.26), shade(base, 0.85))
    for side in (-1, 1):
        cv.paint(f.ellipse(side * 0.13, 0.32, 0.06, 0.1), shade(base, 0.45))
    dot_eyes(f, cv, 0.36, -0.18, 0.08)
    cv.paint(f.line([(-0.25, 0.7), (0, 0.76), (0.25, 0.7)], 0.045), shade(base, 0.5))


ANIMALS = [draw_dog, draw_dog, draw_fox, draw_owl, draw_bear, draw_mouse, draw_rabbit, draw_pig]


# ---------------------------------------------------------------- objects (non-cats)

BRIGHT = [rgb(h) for h in ("#e04040", "#e8933a", "#f0c830", "#4a9a4a", "#3a78c8", "#8a4ab0",
                           "#e86aa0", "#262626", "#f2f0ea", "#9a9ea6", "#9a7250")]  # fmt: skip


def draw_ball(f, cv, rng):
    ball = f.circle(0, 0, 1.0)
    if rng.random() < 0.5:  # beach ball: coloured sectors
        colours = [pick(rng, BRIGHT) for _ in range(3)] + [WHITE]
        for k in range(6):
            cv.paint(
                ball & f.wedge(-np.pi + k * np.pi / 3, -np.pi + (k + 1) * np.pi / 3), colours[k % 4]
            )
        cv.paint(f.circle(0, 0, 0.18), WHITE)
    else:  # basketball
        cv.paint(ball, rgb("#e07a30"))
        for points in ([(-1, 0), (1, 0)], [(0, -1), (0, 1)]):
            cv.paint(ball & f.line(points, 0.06), BLACK)
        for side in (-1, 1):
            arc = f.ellipse(side * 1.1, 0, 0.75, 1.0) - f.ellipse(side * 1.1, 0, 0.69, 0.94)
            cv.paint(ball & arc, BLACK)


def draw_clock(f, cv, rng):
    body = pick(rng, BRIGHT)
    for side in (-1, 1):  # bells on top
        cv.paint(f.ellipse(side * 0.62, -0.88, 0.35, 0.25, side * 0.6), shade(body, 0.8))
        cv.paint(f.line([(side * 0.6, 0.8), (side * 0.8, 1.1)], 0.12), BLACK)  # legs
    cv.paint(f.circle(0, 0, 0.95), body)
    cv.paint(f.circle(0, 0, 0.78), WHITE)
    for k in range(12):
        a = k * np.pi / 6
        tick = [(0.62 * np.cos(a), 0.62 * np.sin(a)), (0.72 * np.cos(a), 0.72 * np.sin(a))]
        cv.paint(f.line(tick, 0.06), BLACK)
    h, m = rng.uniform(0, 2 * np.pi, size=2)
    cv.paint(f.line([(0, 0), (0.38 * np.sin(h), -0.38 * np.cos(h))], 0.08), BLACK)
    cv.paint(f.line([(0, 0), (0.58 * np.sin(m), -0.58 * np.cos(m))], 0.05), BLACK)


def draw_flower(f, cv, rng):
    cv.paint(f.line([(0, 0), (0.1, 1.8)], 0.12), rgb("#3a8a3a"))
    cv.paint(f.ellipse(0.35, 1.1, 0.3, 0.12, -0.5), rgb("#4a9a4a"))
    petal = pick(rng, BRIGHT)
    n = rng.integers(5, 9)
    for k in range(n):
        a = 2 * np.pi * k / n
        cv.paint(f.ellipse(0.55 * np.cos(a), 0.55 * np.sin(a), 0.45, 0.22, a), petal)
    cv.paint(f.circle(0, 0, 0.3), rgb(pick(rng, ["#f0c830", "#6a4a20", "#e8933a"])))


def draw_house(f, cv, rng):
    wall, roof = pick(rng, BRIGHT), pick(rng, BRIGHT)
    cv.paint(f.polygon([(0.45, -1.0), (0.7, -1.0), (0.7, -0.4), (0.45, -0.4)]), shade(roof, 0.7))
    cv.paint(f.polygon([(-0.85, -0.1), (0.85, -0.1), (0.85, 1.0), (-0.85, 1.0)]), wall)
    cv.paint(f.polygon([(-1.1, -0.05), (1.1, -0.05), (0, -1.0)]), roof)
    cv.paint(f.polygon([(-0.15, 0.45), (0.15, 0.45), (0.15, 1.0), (-0.15, 1.0)]), shade(wall, 0.5))
    for side in (-1, 1):
        cv.paint(f.polygon([(side * 0.35, 0.15), (side * 0.65, 0.15), (side * 0.65, 0.45),
                            (side * 0.35, 0.45)]), rgb("#bfe0f4"))  # fmt: skip


def draw_tree(f, cv, rng):
    cv.paint(f.polygon([(-0.15, 0.3), (0.15, 0.3), (0.2, 1.6), (-0.2, 1.6)]), rgb("#6a4a30"))
    green = rgb(pick(rng, ["#3a8a3a", "#4a9a4a", "#2a6a3a", "#7aa83a", "#c8802a"]))
    if rng.random() < 0.5:
        for u, v, r in ((0, -0.3, 0.7), (-0.5, 0.1, 0.5), (0.5, 0.1, 0.5), (0, 0.2, 0.55)):
            cv.paint(f.circle(u, v, r), green)
    else:
        for k in range(3):
            cv.paint(f.polygon([(-0.9 + 0.2 * k, 0.5 - 0.5 * k), (0.9 - 0.2 * k, 0.5 - 0.5 * k),
                                (0, -0.5 - 0.5 * k)]), green)  # fmt: skip


def draw_fruit(f, cv, rng):
    kind = rng.integers(3)
    colour = [pick(rng, [rgb("#d83030"), rgb("#8ac040")]), rgb("#f0902a"), rgb("#e8802a")][kind]
    if kind == 2:  # pumpkin: ribs
        for u in (-0.55, 0.55, 0.0):
            cv.paint(f.ellipse(u, 0.05, 0.5, 0.85), shade(colour, 0.85 if u else 1.0))
    else:
        cv.paint(f.circle(-0.3, -0.05, 0.75) | f.circle(0.3, -0.05, 0.75) | f.circle(0, 0.1, 0.85),
                 colour)  # fmt: skip
        cv.paint(f.circle(-0.35, -0.35, 0.12), shade(colour, 1.6))
    cv.paint(f.line([(0, -0.6), (0.1, -1.0)], 0.1), rgb("#5a3a1a"))
    cv.paint(f.ellipse(0.35, -0.9, 0.3, 0.12, -0.4), rgb("#4a9a4a"))


def draw_mug(f, cv, rng):
    colour = pick(rng, BRIGHT)
    cv.paint(f.ellipse(0.8, 0.1, 0.4, 0.45) - f.ellipse(0.8, 0.1, 0.22, 0.28), colour)
    cv.paint(f.polygon([(-0.75, -0.55), (0.75, -0.55), (0.7, 0.9), (-0.7, 0.9)]), colour)
    cv.paint(f.ellipse(0, -0.55, 0.75, 0.15), shade(colour, 0.6))
    cv.paint(f.ellipse(0, -0.53, 0.65, 0.11), rgb("#5a3520"))
    for u in (-0.25, 0.25):
        cv.paint(f.line([(u, -0.8), (u + 0.1, -1.0), (u, -1.2)], 0.06), WHITE)


def draw_cupcake(f, cv, rng):
    wrapper, icing = pick(rng, BRIGHT), pick(rng, [WHITE, PINK, rgb("#6a4020"), rgb("#f0e0a0")])
    cup = f.polygon([(-0.7, 0.1), (0.7, 0.1), (0.5, 1.0), (-0.5, 1.0)])
    cv.paint(cup, wrapper)
    for u in (-0.4, -0.13, 0.13, 0.4):
        cv.paint(cup & f.line([(u, 0.1), (u * 0.75, 1.0)], 0.06), shade(wrapper, 0.7))
    for v, r in ((0.0, 0.8), (-0.35, 0.6), (-0.65, 0.38)):
        cv.paint(f.ellipse(0, v, r, 0.28), icing)
    cv.paint(f.circle(0, -0.95, 0.16), rgb("#d02030"))


def draw_balloons(f, cv, rng):
    for u, v in ((-0.45, -0.25), (0.45, -0.35), (0.0, 0.15))[: rng.integers(1, 4)]:
        colour = pick(rng, BRIGHT)
        cv.paint(f.line([(u, v + 0.6), (0.05 * u, 1.6)], 0.03), rgb("#606060"))
        cv.paint(f.ellipse(u, v, 0.5, 0.62), colour)
        cv.paint(f.polygon([(u - 0.08, v + 0.68), (u + 0.08, v + 0.68), (u, v + 0.58)]), colour)
        cv.paint(f.ellipse(u - 0.2, v - 0.25, 0.08, 0.14), shade(colour, 1.7))


def draw_car(f, cv, rng):
    colour = pick(rng, BRIGHT)
    cv.paint(f.polygon([(-0.55, -0.55), (0.45, -0.55), (0.75, -0.1), (-0.8, -0.1)]), colour)
    cv.paint(f.polygon([(-1.3, -0.15), (1.3, -0.15), (1.35, 0.45), (-1.35, 0.45)]), colour)
    cv.paint(f.polygon([(-0.45, -0.45), (-0.05, -0.45), (-0.05, -0.15), (-0.65, -0.15)]),
             rgb("#bfe0f4"))  # fmt: skip
    cv.paint(f.polygon([(0.05, -0.45), (0.4, -0.45), (0.6, -0.15), (0.05, -0.15)]), rgb("#bfe0f4"))
    for u in (-0.75, 0.75):
        cv.paint(f.circle(u, 0.45, 0.3), BLACK)
        cv.paint(f.circle(u, 0.45, 0.13), rgb("#b0b0b0"))
    cv.paint(f.circle(1.25, 0.05, 0.08), rgb("#f0e060"))


def draw_donut(f, cv, rng):
    ring = f.circle(0, 0, 0.95) - f.circle(0, 0, 0.32)
    cv.paint(ring, rgb("#d89850"))
    icing = f.circle(0, -0.03, 0.82) - f.circle(0, 0, 0.42)
    cv.paint(icing, pick(rng, [PINK, rgb("#5a3520"), WHITE, rgb("#a0d0f0")]))
    for _ in range(14):
        a, r = rng.uniform(0, 2 * np.pi), rng.uniform(0.5, 0.75)
        u, v = r * np.cos(a), r * np.sin(a)
        cv.paint(f.line([(u, v), (u + 0.1, v + 0.05)], 0.06), pick(rng, BRIGHT))


def draw_umbrella(f, cv, rng):
    colour = pick(rng, BRIGHT)
    cv.paint(f.line([(0, -0.2), (0, 1.0), (0.2, 1.2), (0.35, 1.0)], 0.08), rgb("#404040"))
    canopy = f.ellipse(0, 0, 1.2, 0.95) & f.band(-9, 0)
    cv.paint(canopy, colour)
    for u in (-0.8, 0.0, 0.8):
        cv.paint(f.ellipse(u, 0, 0.4, 0.14) & f.band(-0.01, 9), colour)
    for u in (-0.4, 0.4):
        cv.paint(canopy & f.line([(0, -0.95), (u * 1.5, 0)], 0.05), shade(colour, 0.7))


def draw_landscape(f, cv, rng):
    sun = rgb(pick(rng, ["#f0d040", "#f0a030", "#fafafa"]))
    cv.paint(f.circle(rng.uniform(-0.9, 0.9), -0.9, 0.35), sun)
    rock = pick(rng, [rgb("#7a7a8a"), rgb("#8a6a5a"), rgb("#5a7a5a")])
    for u, h in ((-0.8, 0.9), (0.5, 1.2), (1.5, 0.7)):
        cv.paint(f.polygon([(u - 1.1, 0.7), (u + 1.1, 0.7), (u, 0.7 - h)]), rock)
        cv.paint(f.polygon([(u - 0.25, 0.7 - 0.77 * h), (u + 0.25, 0.7 - 0.77 * h), (u, 0.7 - h)]),
                 WHITE)  # fmt: skip
    cv.paint(f.band(0.7, 9), rgb(pick(rng, ["#6aa84f", "#3a78c8", "#c8b070"])))


OBJECTS = [draw_ball, draw_clock, draw_flower, draw_house, draw_tree, draw_fruit, draw_mug,
           draw_cupcake, draw_balloons, draw_car, draw_donut, draw_umbrella,
           draw_landscape]  # fmt: skip


# ---------------------------------------------------------------- pictures and files


def picture(draw, rng):
    """One (SIDE, SIDE, 3) uint8 picture: background, the subject in a random pose, noise."""
    cv = Canvas()
    background(cv, rng)
    radius = rng.uniform(*RADIUS)
    cx, cy = CENTRE + rng.uniform(-JITTER, JITTER, size=2)
    draw(Frame(cv, cx, cy, radius, rng.uniform(-TILT, TILT)), cv, rng)
    img = cv.image()
    # light from one side, a colour cast, and sensor noise: the same for every class
    ramp = np.linspace(-1, 1, SIDE)
    across, down = rng.uniform(-LIGHT, LIGHT), rng.uniform(-LIGHT, LIGHT)
    light = 1 + across * ramp[None, :] + down * ramp[:, None]
    exposure, cast = rng.uniform(*BRIGHTNESS), rng.uniform(1 - CAST, 1 + CAST, size=3)
    img = img * light[..., None] * exposure * cast
    img = img * 255 + rng.normal(0, NOISE, size=img.shape)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def make_split(split):
    """(x, y) for 'train' or 'test': x uint8 (m, SIDE, SIDE, 3), y int64 (m,) with 1 = cat."""
    index = list(SPLITS).index(split)
    _, n_cats, n_noncats = SPLITS[split]
    rng = np.random.default_rng([SEED, index])
    y = np.array([1] * n_cats + [0] * n_noncats, dtype=np.int64)
    rng.shuffle(y)
    n_animals = round(ANIMAL_SHARE * n_noncats)
    animal = rng.permutation(n_noncats) < n_animals  # which non-cats are animals
    x = np.empty((len(y), SIDE, SIDE, 3), dtype=np.uint8)
    k = 0
    for i, label in enumerate(y):
        pic_rng = np.random.default_rng([SEED, index, i])
        if label == 1:
            draw = draw_cat
        else:
            draw = pick(pic_rng, ANIMALS if animal[k] else OBJECTS)
            k += 1
        x[i] = picture(draw, pic_rng)
    return x, y


def write_h5(path, split, x, y):
    """Write one file in the classic layout, with no timestamps (same bytes every run)."""
    with h5py.File(path, "w", libver="earliest", track_order=False) as f:
        f.create_dataset(f"{split}_set_x", data=x, track_times=False)
        f.create_dataset(f"{split}_set_y", data=y, track_times=False)
        f.create_dataset("list_classes", data=np.array(CLASSES, dtype="S7"), track_times=False)


def main(out_dir=None):
    """Generate both splits and write the two .h5 files into `out_dir` (default: here)."""
    out_dir = Path(out_dir) if out_dir is not None else Path(__file__).resolve().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, (name, _, _) in SPLITS.items():
        x, y = make_split(split)
        write_h5(out_dir / name, split, x, y)
        paths.append(out_dir / name)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", nargs="?", help="folder for the .h5 files (default: here)")
    for path in main(parser.parse_args().out_dir):
        print(f"wrote {path}")
