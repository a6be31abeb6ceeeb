// Shared by every translation unit of the shim (and precompiled): handle types, error capture, and the mapping
// between the ABI's small integer codes and ATen's types.
//
// ABI conventions, the same for every export:
//  - A tensor handle is an owned, heap-allocated at::Tensor; the caller frees it once with ts_tensor_free.
//  - Functions returning a handle return nullptr on error; functions returning int32_t return 0 on success and
//    -1 on error. After an error, ts_last_error() gives libtorch's message (thread-local).
//  - No C++ exception ever crosses the boundary: every export runs its body inside guard() below.
#pragma once

#include <ATen/ATen.h>
#include <ATen/ScalarOps.h>
#include <ATen/core/Reduction.h>
#include <c10/core/GradMode.h>
#include <torch/version.h>

#include <cstdint>
#include <string>
#include <vector>

#define TS_API extern "C" __attribute__((visibility("default")))

using TsTensor = at::Tensor;
using TsGenerator = at::Generator;

namespace ts {

// Records the exception being handled as this thread's last error. Call only inside a catch block.
void capture_current_exception() noexcept;
void set_error(const std::string& message) noexcept;
// A thread-local buffer for strings handed to the managed side; valid until the next call on the thread.
const char* thread_string(std::string value) noexcept;

// Runs fn; on any exception records it and returns on_error instead.
template <typename Fn, typename R>
R guard(R on_error, Fn&& fn) noexcept {
  try {
    return fn();
  } catch (...) {
    capture_current_exception();
    return on_error;
  }
}

// For exports returning a new tensor handle.
template <typename Fn>
TsTensor* tensor_result(Fn&& fn) noexcept {
  return guard(static_cast<TsTensor*>(nullptr), [&]() -> TsTensor* { return new at::Tensor(fn()); });
}

// For exports returning a status code.
template <typename Fn>
int32_t status_result(Fn&& fn) noexcept {
  return guard(int32_t{-1}, [&]() -> int32_t {
    fn();
    return 0;
  });
}

// A handle that may be null stands for "not given" (an optional bias, weight or generator).
inline c10::optional<at::Tensor> optional_tensor(const TsTensor* t) {
  return t ? c10::optional<at::Tensor>(*t) : c10::optional<at::Tensor>();
}
inline c10::optional<at::Generator> optional_generator(const TsGenerator* g) {
  return g ? c10::optional<at::Generator>(*g) : c10::optional<at::Generator>();
}

inline std::vector<at::Tensor> tensor_list(TsTensor* const* handles, int64_t count) {
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) list.push_back(*handles[i]);
  return list;
}

inline at::IntArrayRef int_list(const int64_t* values, int64_t count) {
  return at::IntArrayRef(values, static_cast<size_t>(count));
}

at::ScalarType scalar_type(int32_t code);
int32_t scalar_type_code(at::ScalarType type);
// Throws a clear error when the device is CUDA and this libtorch cannot use it.
at::Device device(int32_t type, int32_t index);
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index);
// A scalar passed across the ABI as a double and an integer, with a flag for which one is meant.
inline at::Scalar scalar(double real, int64_t integer, int32_t is_integer) {
  return is_integer ? at::Scalar(integer) : at::Scalar(real);
}

}  // namespace ts
