package io.callface.trainer.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithm 7.4, the two-loop
 * recursion) with a backtracking Armijo line search, for the smooth convex objectives of the attribute
 * classifiers. Plain gradient descent is hopeless there: pixel descriptors are strongly correlated, so the
 * problems are badly conditioned. Deterministic: no randomness, a fixed iteration cap.
 */
final class Lbfgs {
    /** Pairs of past steps kept for the inverse-Hessian estimate. */
    static final int MEMORY = 10;
    /** Sufficient-decrease constant of the Armijo condition. */
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 40;

    /** A differentiable objective: writes the gradient at {@code x} into {@code gradient}, returns the value. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private Lbfgs() {
    }

    /**
     * Minimises {@code objective} from {@code start} (not changed) for at most {@code iterations} steps, stopping
     * early when the largest gradient component falls below {@code tolerance}; returns the last point.
     */
    static double[] minimise(Objective objective, double[] start, int iterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = objective.evaluate(x, g);
        Deque<double[]> steps = new ArrayDeque<>();
        Deque<double[]> gradientSteps = new ArrayDeque<>();
        Deque<Double> rhos = new ArrayDeque<>();
        double[] candidate = new double[n];
        double[] candidateGradient = new double[n];
        for (int iteration = 0; iteration < iterations && maxAbs(g) > tolerance; iteration++) {
            double[] direction = direction(g, steps, gradientSteps, rhos);
            double slope = dot(direction, g);
            if (slope >= 0) {
                // The estimate lost positive definiteness (rounding): restart from steepest descent.
                steps.clear();
                gradientSteps.clear();
                rhos.clear();
                direction = scaled(g, -1 / Math.max(1, norm(g)));
                slope = dot(direction, g);
            }
            double step = 1;
            double fNew = Double.NaN;
            for (int b = 0; b < MAX_BACKTRACKS; b++, step /= 2) {
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + step * direction[i];
                }
                fNew = objective.evaluate(candidate, candidateGradient);
                if (fNew <= f + ARMIJO * step * slope) {
                    break;
                }
            }
            if (!(fNew <= f + ARMIJO * step * slope)) {
                return x;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = candidate[i] - x[i];
                y[i] = candidateGradient[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                steps.addFirst(s);
                gradientSteps.addFirst(y);
                rhos.addFirst(1 / sy);
                if (steps.size() > MEMORY) {
                    steps.removeLast();
                    gradientSteps.removeLast();
                    rhos.removeLast();
                }
            }
            System.arraycopy(candidate, 0, x, 0, n);
            System.arraycopy(candidateGradient, 0, g, 0, n);
            f = fNew;
        }
        return x;
    }

    /** {@code -H g} by the two-loop recursion, newest pair first; steepest descent while no pair is stored. */
    private static double[] direction(double[] g, Deque<double[]> steps, Deque<double[]> gradientSteps,
            Deque<Double> rhos) {
        double[] q = g.clone();
        int m = steps.size();
        double[] alphas = new double[m];
        double[][] s = steps.toArray(double[][]::new);
        double[][] y = gradientSteps.toArray(double[][]::new);
        Double[] rho = rhos.toArray(Double[]::new);
        for (int k = 0; k < m; k++) {
            alphas[k] = rho[k] * dot(s[k], q);
            axpy(-alphas[k], y[k], q);
        }
        // Initial Hessian gamma I with gamma = s'y / y'y of the newest pair; without one, a unit-length first step.
        double gamma = m > 0 ? dot(s[0], y[0]) / dot(y[0], y[0]) : 1 / Math.max(1, norm(g));
        for (int i = 0; i < q.length; i++) {
            q[i] *= gamma;
        }
        for (int k = m - 1; k >= 0; k--) {
            double beta = rho[k] * dot(y[k], q);
            axpy(alphas[k] - beta, s[k], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double[] scaled(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }
}
