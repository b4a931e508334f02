"""2024 areas of effect on the grid: exact squares for the shapes' rules (at least half a square)."""

from __future__ import annotations

import pytest

from image_service.maps.areas import AreaOfEffect, covered_squares, polygon_coverage, squares_on_map


def test_15_ft_cone_from_an_intersection_pointing_east() -> None:
    # Width equals distance: the triangle (0,0)-(3,-1.5)-(3,1.5). The first column is only a quarter
    # covered per square; columns two and three cover the middle two squares.
    assert covered_squares(AreaOfEffect("cone", (0, 0), 15, 0)) == [(1, -1), (2, -1), (1, 0), (2, 0)]


def test_15_ft_cone_from_the_middle_of_a_square_edge() -> None:
    # Cast from the edge of the caster's square: 1, 1 and 3 squares.
    assert covered_squares(AreaOfEffect("cone", (0, 0.5), 15, 0)) == [(2, -1), (0, 0), (1, 0), (2, 0), (2, 1)]


def test_15_ft_cone_diagonal() -> None:
    assert covered_squares(AreaOfEffect("cone", (0, 0), 15, 45)) == [(0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (1, 2)]


def test_cone_turned_north_mirrors_east() -> None:
    east = covered_squares(AreaOfEffect("cone", (0, 0), 30, 0))
    north = covered_squares(AreaOfEffect("cone", (0, 0), 30, 270))
    assert sorted((y, -x - 1) for x, y in east) == sorted(north)


def test_20_ft_sphere_is_the_classic_52_squares() -> None:
    squares = covered_squares(AreaOfEffect("sphere", (0, 0), 20))
    assert len(squares) == 52
    assert (-4, -1) in squares and (-4, -3) not in squares and (3, 3) not in squares
    # Symmetric about the origin intersection.
    assert sorted(squares) == sorted((-x - 1, -y - 1) for x, y in squares)


def test_cylinder_covers_like_a_sphere_of_its_radius() -> None:
    assert covered_squares(AreaOfEffect("cylinder", (5, 5), 10)) == covered_squares(AreaOfEffect("sphere", (5, 5), 10))
    assert len(covered_squares(AreaOfEffect("cylinder", (5, 5), 10))) == 12


def test_10_ft_cube_with_its_face_centred_on_an_intersection() -> None:
    assert covered_squares(AreaOfEffect("cube", (0, 0), 10, 0)) == [(0, -1), (1, -1), (0, 0), (1, 0)]


def test_15_ft_cube_from_a_square_edge_is_3_by_3() -> None:
    squares = covered_squares(AreaOfEffect("cube", (0, 0.5), 15, 0))
    assert squares == [(x, y) for y in (-1, 0, 1) for x in (0, 1, 2)]


def test_line_30_ft_by_5_ft() -> None:
    assert covered_squares(AreaOfEffect("line", (0, 0.5), 30, 0)) == [(x, 0) for x in range(6)]
    diagonal = covered_squares(AreaOfEffect("line", (0, 0), 30, 45, width_ft=5))
    # 30 ft along the diagonal is 4.24 squares; a 5-ft-wide band covers the diagonal squares at least half.
    assert diagonal == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_emanation_excludes_its_creature_unless_asked() -> None:
    ten = covered_squares(AreaOfEffect("emanation", (5, 5), 10))
    assert len(ten) == 24 and (5, 5) not in ten and (3, 3) in ten and (7, 7) in ten and (8, 5) not in ten
    with_origin = covered_squares(AreaOfEffect("emanation", (5, 5), 10, include_origin=True))
    assert len(with_origin) == 25
    large = covered_squares(AreaOfEffect("emanation", (5, 5), 5, creature_squares=2))
    assert len(large) == 16 - 4


def test_polygon_coverage_is_exact() -> None:
    triangle = ((0.0, 0.0), (3.0, -1.5), (3.0, 1.5))
    assert polygon_coverage(triangle, (0, 0)) == pytest.approx(0.25)
    assert polygon_coverage(triangle, (1, 0)) == pytest.approx(0.75)
    assert polygon_coverage(triangle, (2, 0)) == pytest.approx(1.0)
    assert polygon_coverage(triangle, (2, 1)) == pytest.approx(0.25)


def test_walls_block_squares_behind_them() -> None:
    # A wall column at x == 3 between the origin and the far squares.
    def is_wall(x: int, y: int) -> bool:
        return x == 3

    squares = squares_on_map(AreaOfEffect("sphere", (1, 5), 20), 10, 10, is_wall)
    assert all(x < 3 for x, _ in squares)
    assert (0, 5) in squares and (2, 4) in squares
    # Without the wall the sphere reaches past it.
    assert any(x > 3 for x, _ in squares_on_map(AreaOfEffect("sphere", (1, 5), 20), 10, 10, lambda x, y: False))


def test_squares_on_map_are_clipped_to_the_map() -> None:
    squares = squares_on_map(AreaOfEffect("sphere", (0, 0), 10), 10, 10, lambda x, y: False)
    # The corner square (1, 1) is only ~43% inside a 10-ft radius, so it stays out.
    assert squares == [(0, 0), (1, 0), (0, 1)]
