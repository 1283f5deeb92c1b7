/**
 * The benchmarks behind docs/performance.md: complete sign-off flows through the command bus and over HTTP in one
 * process ({@link org.signoff.benchmarks.FlowBenchmark}, the jar's default), the packaged service in processes of its
 * own on H2 or PostgreSQL ({@code cluster}), one engine serving a consortium's members beside one institution alone
 * ({@code consortium}), and the ledger at a million events ({@code ledger}). Each prints its figures for people and a
 * {@code RESULT} line for scripts.
 */
package org.signoff.benchmarks;
