"""The course's data: the cat / non-cat pictures (HDF5), pictures of your own, 2-D moons.

The course ships its own cartoon data set in `datasets/` (see `datasets/generate_cats.py`)
in the classic layout of the deeplearning.ai files, so the classic `train_catvnoncat.h5` and
`test_catvnoncat.h5` load too: pass their folder to `load_cat_data`, or set the environment
variable `BACKPROP_COURSE_DATA` to it.

Each file holds, for its split (`train` or `test`):

    <split>_set_x   uint8 (m, 64, 64, 3)   the pictures, RGB
    <split>_set_y   integers (m,)          1 = cat, 0 = non-cat
    list_classes    bytes (2,)             [b'non-cat', b'cat']
"""

import os
from pathlib import Path

import h5py
import numpy as np

DATA_ENV = "BACKPROP_COURSE_DATA"
SHIPPED = Path(__file__).resolve().parents[1] / "datasets"
FILES = {"train": "train_catvnoncat.h5", "test": "test_catvnoncat.h5"}
SIDE = 64


class DataError(ValueError):
    """The data files are missing or not in the expected layout; the message says which."""


def data_folder(folder=None):
    """The folder to load from: `folder`, else $BACKPROP_COURSE_DATA, else the shipped one."""
    return Path(folder or os.environ.get(DATA_ENV) or SHIPPED).expanduser()


def load_cat_data(folder=None):
    """Load the training and test pictures.

    folder: a folder holding train_catvnoncat.h5 and test_catvnoncat.h5 (default: see
        `data_folder`).

    Returns (train_x_orig, train_y, test_x_orig, test_y, classes):
    train_x_orig -- uint8 (m_train, 64, 64, 3)
    train_y -- int (1, m_train), 1 = cat
    test_x_orig -- uint8 (m_test, 64, 64, 3)
    test_y -- int (1, m_test)
    classes -- array of 2 bytes strings, classes[label]: b'non-cat', b'cat'
    """
    folder = data_folder(folder)
    train_x, train_y, classes = _read_split(folder / FILES["train"], "train")
    test_x, test_y, _ = _read_split(folder / FILES["test"], "test")
    return train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), classes


def _read_split(path, split):
    if not path.is_file():
        raise DataError(
            f"no data file at {path}: expected {FILES[split]} in {path.parent} "
            f"(pass load_cat_data(folder) or set {DATA_ENV} to the folder that holds it)"
        )
    try:
        with h5py.File(path, "r") as f:
            keys = {f"{split}_set_x", f"{split}_set_y", "list_classes"}
            missing = sorted(keys - set(f.keys()))
            if missing:
                raise DataError(
                    f"{path} is not a {split} file of the cat data set: it lacks {missing} "
                    f"(it has {sorted(f.keys())})"
                )
            x, y, classes = f[f"{split}_set_x"][()], f[f"{split}_set_y"][()], f["list_classes"][()]
    except OSError as error:
        raise DataError(f"{path} is not a readable HDF5 file ({error})") from error
    if x.dtype != np.uint8 or x.ndim != 4 or x.shape[1:] != (SIDE, SIDE, 3):
        raise DataError(
            f"{path}: {split}_set_x should be uint8 pictures of shape (m, {SIDE}, {SIDE}, 3), "
            f"got {x.dtype} of shape {x.shape}"
        )
    if y.shape != (x.shape[0],) or not np.isin(y, (0, 1)).all():
        raise DataError(
            f"{path}: {split}_set_y should hold one 0/1 label per picture, shape "
            f"({x.shape[0]},); got shape {y.shape}"
        )
    return x, y, classes


def flatten(x_orig):
    """Pictures (m, 64, 64, 3) uint8 -> columns (64·64·3, m) = (12288, m) float64 in [0, 1].

    Column i is picture i, its pixels row by row and the 3 colours of each pixel together,
    divided by 255 so that every input lies between 0 and 1.
    """
    x_orig = np.asarray(x_orig)
    return x_orig.reshape(x_orig.shape[0], -1).T / 255.0


def make_moons(m=300, noise=0.2, seed=0):
    """Two interleaving half circles in the plane, a classic 2-D data set for classifiers.

    Half of the m points lie on the upper half circle of radius 1 around (0, 0) (label 0),
    half on the lower one around (1, 0.5) (label 1), each moved by Gaussian noise of spread
    `noise`. Made with NumPy from `seed`: the same arguments give the same points.

    Returns X: (2, m) float64, one point per column; Y: (1, m) of 0/1 labels.
    """
    rng = np.random.default_rng(seed)
    upper, lower = m - m // 2, m // 2
    angle_upper = rng.uniform(0, np.pi, upper)
    angle_lower = rng.uniform(0, np.pi, lower)
    X = np.concatenate(
        [
            np.stack([np.cos(angle_upper), np.sin(angle_upper)]),
            np.stack([1 - np.cos(angle_lower), 0.5 - np.sin(angle_lower)]),
        ],
        axis=1,
    )
    Y = np.concatenate([np.zeros(upper), np.ones(lower)]).reshape(1, m)
    X = X + rng.normal(0, noise, X.shape)
    order = rng.permutation(m)
    return X[:, order], Y[:, order]


def load_picture(path):
    """Any picture file (PNG, JPEG, ...) -> uint8 (64, 64, 3), centre-cropped to a square."""
    from PIL import Image  # Pillow comes with matplotlib

    with Image.open(path) as image:
        image = image.convert("RGB")
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        square = image.crop((left, top, left + side, top + side))
        return np.asarray(square.resize((SIDE, SIDE), Image.LANCZOS), dtype=np.uint8)
