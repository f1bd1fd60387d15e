"""``render --view features [--axes F1,F2]`` and ``render --view hidden [--layer L]``: the
feature-space and hidden-space plots as pictures, and the checks of their options."""

from __future__ import annotations

from engine.features import FEATURES
from playground.cli import UsageError
from playground.messages import shown


def check_view_options(args, scenario) -> None:
    """UsageError, before any training, for --axes or --layer that do not fit the view or the model."""
    if args.axes is not None:
        if args.view != "features":
            raise UsageError("--axes: only for --view features")
        if len(args.axes) != 2 or not set(args.axes) <= set(FEATURES):
            raise UsageError(f"--axes: expected two features like x1^2,x2^2 (from {', '.join(FEATURES)}), "
                             f"not {shown(','.join(args.axes))}")
    if args.view == "hidden":
        n_hidden = len(scenario.settings.model.layers)
        if not n_hidden:
            raise UsageError("--view hidden: a linear classifier has no hidden layer; use --model mlp")
        if args.layer is not None and not 1 <= args.layer <= n_hidden:
            raise UsageError(f"--layer: the network has {n_hidden} hidden layer"
                             f"{'s' if n_hidden > 1 else ''}; choose 1 to {n_hidden}")
    elif args.layer is not None:
        raise UsageError("--layer: only for --view hidden")


def features_picture(session, args):
    """The feature plot on --axes (default: the model's first two features)."""
    from playground.views.feature_space import FeaturePlot, default_axes

    return FeaturePlot(session, tuple(args.axes or default_axes(session.settings.model.features)))


def hidden_picture(session, args):
    """The hidden plot of layer --layer (default: the last hidden layer), titled."""
    from playground.views.hidden_space import HiddenPlot

    plot = HiddenPlot(session, titled=True)
    plot.set_layer(args.layer or len(session.settings.model.layers))
    return plot
