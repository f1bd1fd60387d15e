"""Decision Boundary Playground: the Qt app and the command line over ``engine``."""

import os

# These networks multiply matrices a few dozen wide: BLAS threads only add
# start-up cost per call and compete with the window's own thread.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
