// Every ReportedFigure is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT reported_figure_id_unique IF NOT EXISTS FOR (n:ReportedFigure) REQUIRE n.id IS UNIQUE
