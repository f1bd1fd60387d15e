"""`render --view features` and `render --view hidden` write their pictures; bad options say why."""

import numpy as np
import pytest
from PySide6.QtGui import QImage

from playground.cli import main


def picture(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    bits = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return bits.reshape(image.height(), image.bytesPerLine())[:, :3 * image.width()]


@pytest.mark.parametrize("options", [
    ["--view", "features", "--dataset", "circles", "--model", "linear", "--features", "x1^2,x2^2"],
    ["--view", "features", "--axes", "r,theta"],
    ["--view", "hidden", "--hidden", "4,2"],
    ["--view", "hidden", "--layer", "1"],
])
def test_render_views_write_their_pictures(tmp_path, capsys, qtbot, options):
    out = tmp_path / "view.png"
    assert main(["render", *options, "--steps", "100", "--size", "400x300", "--out", str(out)]) == 0
    image = picture(out)
    assert image.shape == (300, 1200)
    colours = np.unique(image.reshape(300, 400, 3).reshape(-1, 3), axis=0)
    assert len(colours) > 50  # points, regions, lines: not a blank picture
    assert f"saved {out} (400x300)" in capsys.readouterr().out


@pytest.mark.parametrize("options, error", [
    (["--view", "hidden", "--model", "linear"], "--view hidden: a linear classifier has no hidden layer"),
    (["--view", "hidden", "--layer", "3"], "--layer: the network has 2 hidden layers; choose 1 to 2"),
    (["--view", "features", "--axes", "x1,x9"], "--axes: expected two features like x1^2,x2^2"),
    (["--axes", "x1,x2"], "--axes: only for --view features"),
    (["--view", "features", "--layer", "1"], "--layer: only for --view hidden"),
])
def test_render_refuses_options_that_do_not_fit(tmp_path, capsys, qtbot, options, error):
    assert main(["render", *options, "--out", str(tmp_path / "x.png")]) == 2
    assert error in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
