// SPDX-License-Identifier: MIT
// @brief An ordered parallel map with bounded memory: items go to `jobs` worker threads and
// come back to one consumer in input order, with at most `window` items in flight. The
// indexer reads and analyzes files on all cores while one thread writes the database.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace seisaku::index {

/// Runs `work(worker, item)` for every item `next()` yields (nullopt ends the input) on
/// `jobs` threads, `worker` being the thread's index (for per-thread state), and `consume(result)`
/// on the calling thread in input order. At most `window` items are read ahead of the consumer, so
/// memory stays flat whatever the input size. `stop()` is polled before each item is taken. An
/// exception from `work` is rethrown from the calling thread at that item's turn; one from `next`
/// or `consume` stops the workers and propagates.
template <typename In, typename Out>
void ordered_map(  // NOLINT(readability-function-size): one concurrency primitive, read whole

    std::size_t jobs, std::size_t window, const std::function<std::optional<In>()>& next,
    const std::function<Out(std::size_t worker, In&)>& work,
    const std::function<void(Out&)>& consume,
    const std::function<bool()>& stop = [] { return false; }) {
    jobs = jobs == 0 ? 1 : jobs;
    window = window < jobs ? jobs : window;
    struct Slot {
        std::optional<In> in;
        std::optional<Out> out;
        std::exception_ptr error;
        bool taken = false;
        bool done = false;
    };
    std::mutex m;
    std::condition_variable changed;
    std::deque<Slot> slots;  // slots.front() is the next one to consume
    bool input_ended = false;
    bool aborting = false;

    // The calling thread reads input into free slots and consumes finished ones in order;
    // workers take the oldest slot nobody has taken.
    const auto worker_loop = [&](std::size_t id) {
        for (;;) {
            Slot* slot = nullptr;
            {
                std::unique_lock lock(m);
                changed.wait(lock, [&] {
                    if (aborting) {
                        return true;
                    }
                    for (Slot& s : slots) {
                        if (!s.taken) {
                            return true;
                        }
                    }
                    return input_ended;
                });
                if (aborting) {
                    return;
                }
                for (Slot& s : slots) {
                    if (!s.taken) {
                        slot = &s;
                        s.taken = true;
                        break;
                    }
                }
                if (slot == nullptr) {
                    return;  // input ended and everything is taken
                }
            }
            std::optional<Out> out;
            std::exception_ptr error;
            try {
                out.emplace(work(id, *slot->in));
            } catch (...) {
                error = std::current_exception();
            }
            {
                const std::lock_guard lock(m);
                slot->out = std::move(out);
                slot->error = error;
                slot->in.reset();
                slot->done = true;
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(jobs);
    for (std::size_t i = 0; i < jobs; ++i) {
        workers.emplace_back(worker_loop, i);
    }
    const auto finish = [&](bool abort) {
        {
            const std::lock_guard lock(m);
            input_ended = true;
            aborting = aborting || abort;
        }
        changed.notify_all();
        for (std::thread& t : workers) {
            t.join();
        }
    };
    try {
        bool more = true;
        for (;;) {
            // Read ahead while there is room.
            while (more) {
                {
                    const std::lock_guard lock(m);
                    if (slots.size() >= window) {
                        break;
                    }
                }
                std::optional<In> item = stop() ? std::nullopt : next();
                if (!item) {
                    more = false;
                    const std::lock_guard lock(m);
                    input_ended = true;
                    break;
                }
                {
                    const std::lock_guard lock(m);
                    slots.push_back(Slot{std::move(item), std::nullopt, nullptr, false, false});
                }
                changed.notify_all();
            }
            changed.notify_all();
            // Consume the front when it is done.
            Slot front;
            {
                std::unique_lock lock(m);
                if (slots.empty()) {
                    if (!more) {
                        break;
                    }
                    continue;
                }
                changed.wait(lock, [&] { return slots.front().done; });
                front = std::move(slots.front());
                slots.pop_front();
            }
            changed.notify_all();
            if (front.error) {
                std::rethrow_exception(front.error);
            }
            consume(*front.out);
        }
    } catch (...) {
        finish(true);
        throw;
    }
    finish(false);
}

}  // namespace seisaku::index
