package dev.htmlescape;

/**
 * Escapes one graph per call: a String or a value never entered is settled here, any other root
 * goes to the {@link FastWalk} first and, for the graphs it gives up on, to the {@link FullWalk}.
 * What code of the graph threw on the way, marked by {@link GraphCode}, becomes an {@link
 * EscapeException} naming where the walk was; anything else thrown is a bug of the walk and
 * propagates as it is.
 *
 * <p>A walker serves one call at a time and is reused by the next, its bookkeeping cleared. Not
 * thread-safe: see {@link Walkers}.
 */
final class GraphWalker {

    private final ClassPlans plans;
    private final FastWalk fastWalk;
    private final FullWalk fullWalk;
    /** Off only in tests that compare the two walks. */
    private final boolean tryFastWalk;
    private boolean walking;

    GraphWalker(Policy policy, ClassPlans plans) {
        this.plans = plans;
        this.fastWalk = new FastWalk(plans, policy);
        this.fullWalk = new FullWalk(policy, plans);
        this.tryFastWalk = policy.fastWalk();
    }

    /** Whether this walker is in a call: a walk started from the graph's own code needs another. */
    boolean isWalking() {
        return walking;
    }

    /**
     * Escapes the graph of {@code root}.
     *
     * @param defaultContext the context of Strings without an {@code @Escape} of their own
     */
    Object walk(Object root, EscapeContext defaultContext) {
        if (root instanceof String text) {
            return defaultContext.encode(text);
        }
        ClassPlan plan = plans.get(root.getClass());
        if (plan.kind == NodeKind.OPAQUE) {
            fullWalk.leaveUnentered(null, root, plan);
            return root;
        }
        walking = true;
        try {
            if (tryFastWalk && fastWalk.tryEscape(root, plan, defaultContext)) {
                return root;
            }
            return fullWalk.escape(root, plan, defaultContext);
        } catch (GraphCodeFailure failure) {
            throw new EscapeException(fullWalk.pathOfFailure(root), Messages.graphCodeFailed(failure.thrown()),
                    failure.thrown());
        } catch (StackOverflowError e) {
            // the walk itself is iterative: only the graph's own code recurses, a hashCode of a record
            // that reaches itself, say; the stack has unwound to here, so reporting it is safe
            throw new EscapeException(fullWalk.pathOfFailure(root), Messages.graphCodeOverflowed(e), e);
        } finally {
            fastWalk.reset();
            fullWalk.reset();
            walking = false;
        }
    }
}
