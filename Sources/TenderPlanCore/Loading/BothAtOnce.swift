import Foundation

/// Runs two independent computations at the same time, `second` on a new thread, and returns both
/// results. For steps that only read a finished model (the fit-gap analysis and the plan), so the
/// results are the same as running them one after the other.
func bothAtOnce<A: Sendable, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let other = ThreadResult<B>()
    let thread = Thread {
        other.set(second())
    }
    // The same stack as the main thread has, so neither half depends on which thread it runs on.
    thread.stackSize = 8 << 20
    thread.start()
    let mine = first()
    return (mine, other.wait())
}

/// A value handed from one thread to another, once.
private final class ThreadResult<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var value: Value?

    func set(_ newValue: Value) {
        condition.lock()
        value = newValue
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
