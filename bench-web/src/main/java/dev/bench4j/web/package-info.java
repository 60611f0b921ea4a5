/**
 * The results viewer and human review over a {@link dev.bench4j.store.json.JsonRunStore}:
 * {@link dev.bench4j.web.BenchServer} serves a local web app (runs, a run's summary and charts, its
 * cells, side-by-side comparison, trends, review and agreement), and {@link dev.bench4j.web.BenchReport}
 * writes the same views as one self-contained HTML file. An optional module: the library does not
 * depend on it.
 */
@NullMarked
package dev.bench4j.web;

import org.jspecify.annotations.NullMarked;
