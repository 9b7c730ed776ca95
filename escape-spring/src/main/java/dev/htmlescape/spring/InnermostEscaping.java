package dev.htmlescape.spring;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.interceptor.AsyncExecutionInterceptor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * Escapes a handler method's arguments inside its controller's AOP proxy, as the proxy's innermost
 * advice. Every other advice of the proxy, Spring's {@code MethodValidationInterceptor} for a
 * {@code @Validated} controller or interface above all, then sees the text as typed, whatever order
 * the advisors were added in: the advice moves itself to the end of the chain whenever it finds
 * itself elsewhere, and nothing runs between the end of the chain and the method.
 *
 * <p>A controller that is not an AOP proxy, whose proxy is frozen, or whose proxy may call the
 * method on another thread ({@code @Async}) has its arguments escaped before the call instead.
 *
 * <p>Thread-safety: one instance serves every request; the escaping it is to do is handed to it on
 * the request's thread.
 */
final class InnermostEscaping implements MethodInterceptor {

    private final Advisor advisor = new DefaultPointcutAdvisor(this);
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    /** What to escape when the call of {@code method} reaches the end of the chain. */
    interface Pending {

        Method method();

        void escape(Object[] arguments);
    }

    /** A call that may throw what the handler method throws. */
    interface Call {

        Object run() throws Exception;
    }

    /**
     * Whether {@code bean} is a proxy inside which this advice escapes, placing the advice at the end
     * of its chain if it is not there already.
     */
    boolean runsInside(Object bean) {
        if (!(bean instanceof Advised advised) || !AopUtils.isAopProxy(bean) || advised.isFrozen()) {
            return false;
        }
        int index = advised.indexOf(advisor);
        if (index >= 0 && index == advised.getAdvisorCount() - 1) {
            return true;
        }
        synchronized (advised) {
            if (mayCallOnAnotherThread(advised)) {
                return false;
            }
            if (advised.indexOf(advisor) >= 0) {
                advised.removeAdvisor(advisor);
            }
            advised.addAdvisor(advisor);
        }
        return true;
    }

    private static boolean mayCallOnAnotherThread(Advised advised) {
        return Arrays.stream(advised.getAdvisors()).anyMatch(other -> other.getAdvice() instanceof AsyncExecutionInterceptor);
    }

    /**
     * Runs {@code call}, a call through the proxy, with {@code escaping} to be done when it reaches
     * the end of the chain.
     */
    Object around(Pending escaping, Call call) throws Exception {
        pending.set(escaping);
        try {
            return call.run();
        } finally {
            // still there if an outer advice refused the call or answered it without the method
            pending.remove();
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Pending escaping = pending.get();
        if (escaping != null && sameSignature(escaping.method(), invocation.getMethod())) {
            pending.remove();
            escaping.escape(invocation.getArguments());
        }
        return invocation.proceed();
    }

    /** The handler method Spring registered and the method the proxy was called with: the class's or an interface's. */
    private static boolean sameSignature(Method handler, Method invoked) {
        return handler.equals(invoked) || handler.getName().equals(invoked.getName())
                && handler.getParameterCount() == invoked.getParameterCount()
                && Arrays.equals(handler.getParameterTypes(), invoked.getParameterTypes());
    }
}
