from __future__ import annotations

import numpy as np
import pytest

from careforce.domain.planning.stockflow import cs_compat_projection


def test_cs_compat_step_matches_a_hand_worked_two_state_example():
    # 100 in state 0, 50 in state 1; 0 -> 1 with 10%, 0 exits 20%; 1 exits 50%; 5 entrants a year into each
    moves = np.array([[0.0, 0.1], [0.0, 0.0]])
    exits = np.array([0.2, 0.5])
    out = cs_compat_projection(np.array([100.0, 50.0]), moves, exits, np.array([5.0, 5.0]), steps=2)
    assert out[0, 1] == pytest.approx([100 - 30 + 5, 50 - 25 + 10 + 5])
    assert out[0, 2] == pytest.approx([75 - 22.5 + 5, 40 - 20 + 7.5 + 5])


def test_cs_compat_caps_outflow_at_the_stock_and_runs_a_batch():
    moves = np.array([[0.0, 0.8], [0.0, 0.0]])
    exits = np.array([0.7, 0.0])
    out = cs_compat_projection(np.array([[10.0, 0.0], [20.0, 0.0]]), moves, exits, np.zeros(2), steps=1)
    assert out[:, 1, 0] == pytest.approx([0.0, 0.0])
    assert out[:, 1, 1] == pytest.approx([10 * 0.8 / 1.5, 20 * 0.8 / 1.5])
