#!/usr/bin/env bash
# Create the isolated virtual environment for Social Finance's cs-demand-model 0.5.1.
# It pins numpy<2 and pandas<2, so it cannot share careforce's environment.
# Usage: bash benchmarks/setup_csdm_venv.sh   (creates /work/main/.venv-csdm, gitignored)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${CSDM_VENV:-$here/.venv-csdm}"
python="${CSDM_PYTHON:-python3.11}"
uv="${UV:-$here/.venv/bin/uv}"
if [ ! -x "$venv/bin/python" ]; then
  "$uv" venv --python "$python" "$venv"
fi
"$uv" pip install --python "$venv/bin/python" "cs-demand-model==0.5.1" "numpy<2" "pandas<2"
"$venv/bin/python" -c "import cs_demand_model, numpy, pandas; print('cs-demand-model ready:', numpy.__version__, pandas.__version__)"
