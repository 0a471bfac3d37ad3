"""The shipped cat data: pinned bytes, the classic schema, a reproducible generator, a loader
that takes the classic files too, and clear errors for a wrong path or a wrong file."""

import hashlib
import importlib.util

import h5py
import numpy as np
import pytest
from PIL import Image

from course.data import DATA_ENV, DataError, flatten, load_cat_data, load_picture
from tests.nbgrader_course import REPO

DATASETS = REPO / "datasets"
SHA256 = {
    "train_catvnoncat.h5": "ccec35b86bdc8a2a4b3f414b20f7d2f46f7885cb527179602cf26a797bf1fb75",
    "test_catvnoncat.h5": "38ae2232f85804bcdfe088bba5810b201fe8c6897bc61845c56c3420e387acf0",
}
COUNTS = {"train": (209, 72), "test": (50, 33)}  # (pictures, cats), as in the classic files


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _generator():
    spec = importlib.util.spec_from_file_location("generate_cats", DATASETS / "generate_cats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_split(path, split, x, y, classes=(b"non-cat", b"cat")):
    with h5py.File(path, "w") as f:
        f[f"{split}_set_x"] = x
        f[f"{split}_set_y"] = y
        f["list_classes"] = np.array(classes, dtype="S7")


def _pictures(m, value):
    return np.full((m, 64, 64, 3), value, dtype=np.uint8)


@pytest.mark.parametrize("name", SHA256)
def test_shipped_files_are_the_pinned_bytes(name):
    assert _sha256(DATASETS / name) == SHA256[name], f"datasets/{name} changed"


def test_generator_reproduces_the_shipped_files(tmp_path):
    _generator().main(tmp_path)
    for name in SHA256:
        assert _sha256(tmp_path / name) == SHA256[name], f"the generator no longer makes {name}"


@pytest.mark.parametrize("split", COUNTS)
def test_shipped_files_follow_the_classic_schema(split):
    m, cats = COUNTS[split]
    with h5py.File(DATASETS / f"{split}_catvnoncat.h5") as f:
        assert set(f.keys()) == {f"{split}_set_x", f"{split}_set_y", "list_classes"}
        x, y = f[f"{split}_set_x"], f[f"{split}_set_y"]
        assert (x.dtype, x.shape) == (np.uint8, (m, 64, 64, 3))
        assert (y.dtype, y.shape) == (np.int64, (m,))
        assert int(np.sum(y[()])) == cats and set(np.unique(y[()])) == {0, 1}
        assert list(f["list_classes"][()]) == [b"non-cat", b"cat"]


def test_loader_returns_pictures_and_row_labels():
    train_x, train_y, test_x, test_y, classes = load_cat_data()
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert test_x.shape == (50, 64, 64, 3)
    assert [c.decode() for c in classes] == ["non-cat", "cat"]
    assert len({p.tobytes() for p in np.concatenate([train_x, test_x])}) == 259, "duplicates"


def test_loader_reads_classic_files_from_a_folder_or_the_environment(tmp_path, monkeypatch):
    _write_split(tmp_path / "train_catvnoncat.h5", "train", _pictures(3, 7), np.array([0, 1, 1]))
    _write_split(tmp_path / "test_catvnoncat.h5", "test", _pictures(2, 9), np.array([1, 0]))
    train_x, train_y, test_x, test_y, _ = load_cat_data(tmp_path)
    assert train_x.shape == (3, 64, 64, 3) and int(train_x[0, 0, 0, 0]) == 7
    assert train_y.tolist() == [[0, 1, 1]] and test_y.tolist() == [[1, 0]]
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert load_cat_data()[0].shape == (3, 64, 64, 3)


def test_a_missing_folder_names_the_file_and_the_way_out(tmp_path):
    with pytest.raises(DataError, match="train_catvnoncat.h5") as error:
        load_cat_data(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(error.value) and DATA_ENV in str(error.value)


def test_a_file_with_the_wrong_keys_says_which_are_missing(tmp_path):
    with h5py.File(tmp_path / "train_catvnoncat.h5", "w") as f:
        f["x"] = _pictures(2, 0)
    with pytest.raises(DataError, match=r"lacks \['list_classes', 'train_set_x', 'train_set_y'\]"):
        load_cat_data(tmp_path)


def test_a_file_that_is_not_hdf5_is_reported_as_such(tmp_path):
    (tmp_path / "train_catvnoncat.h5").write_text("not an HDF5 file")
    with pytest.raises(DataError, match="not a readable HDF5 file"):
        load_cat_data(tmp_path)


def test_pictures_of_the_wrong_shape_are_reported(tmp_path):
    x = np.zeros((2, 32, 32, 3), dtype=np.uint8)
    _write_split(tmp_path / "train_catvnoncat.h5", "train", x, np.array([0, 1]))
    with pytest.raises(DataError, match=r"shape \(m, 64, 64, 3\), got uint8 of shape"):
        load_cat_data(tmp_path)


def test_labels_that_are_not_one_0_or_1_per_picture_are_reported(tmp_path):
    _write_split(tmp_path / "train_catvnoncat.h5", "train", _pictures(2, 0), np.array([0, 2]))
    with pytest.raises(DataError, match="one 0/1 label per picture"):
        load_cat_data(tmp_path)


def test_flatten_makes_one_column_per_picture_scaled_to_0_1():
    pictures = np.arange(2 * 64 * 64 * 3).reshape(2, 64, 64, 3) % 256
    X = flatten(pictures.astype(np.uint8))
    assert X.shape == (12288, 2) and X.dtype == np.float64
    assert np.array_equal(X[:, 1], pictures[1].reshape(-1) / 255.0)
    assert 0.0 <= X.min() and X.max() <= 1.0


def test_load_picture_crops_the_middle_square_to_64_by_64(tmp_path):
    image = np.zeros((80, 120, 3), dtype=np.uint8)
    image[:, 20:100] = 200  # the middle 80 × 80 square is bright, the sides dark
    Image.fromarray(image).save(tmp_path / "wide.png")
    picture = load_picture(tmp_path / "wide.png")
    assert picture.shape == (64, 64, 3) and picture.dtype == np.uint8
    assert picture.min() == 200
