// Tensor factories. Every one takes (dtype, device type, device index) as the last three arguments.
#include "shim.h"

#include <cstring>

using ts::int_list;
using ts::options;

// kind: 0 zeros, 1 ones, 2 empty.
TS_API TsTensor* ts_tensor_filled(const int64_t* shape, int64_t ndim, int32_t kind, int32_t dtype, int32_t dev,
                                  int32_t index) {
  return ts::tensor_result([&] {
    const auto opts = options(dtype, dev, index);
    switch (kind) {
      case 0: return at::zeros(int_list(shape, ndim), opts);
      case 1: return at::ones(int_list(shape, ndim), opts);
      case 2: return at::empty(int_list(shape, ndim), opts);
    }
    TORCH_CHECK(false, "unknown fill kind ", kind);
  });
}

TS_API TsTensor* ts_tensor_full(const int64_t* shape, int64_t ndim, double value, int64_t ivalue, int32_t is_int,
                                int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result(
      [&] { return at::full(int_list(shape, ndim), ts::scalar(value, ivalue, is_int), options(dtype, dev, index)); });
}

TS_API TsTensor* ts_tensor_arange(double start, double end, double step, int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result([&] { return at::arange(start, end, step, options(dtype, dev, index)); });
}

TS_API TsTensor* ts_tensor_linspace(double start, double end, int64_t steps, int32_t dtype, int32_t dev,
                                   int32_t index) {
  return ts::tensor_result([&] { return at::linspace(start, end, steps, options(dtype, dev, index)); });
}

TS_API TsTensor* ts_tensor_eye(int64_t rows, int64_t cols, int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result([&] { return at::eye(rows, cols, options(dtype, dev, index)); });
}

// kind: 0 uniform [0, 1) (rand), 1 standard normal (randn).
TS_API TsTensor* ts_tensor_random(const int64_t* shape, int64_t ndim, int32_t kind, TsGenerator* generator,
                                  int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result([&] {
    const auto opts = options(dtype, dev, index);
    const auto gen = ts::optional_generator(generator);
    return kind == 0 ? at::rand(int_list(shape, ndim), gen, opts) : at::randn(int_list(shape, ndim), gen, opts);
  });
}

TS_API TsTensor* ts_tensor_randint(int64_t low, int64_t high, const int64_t* shape, int64_t ndim,
                                   TsGenerator* generator, int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result([&] {
    return at::randint(low, high, int_list(shape, ndim), ts::optional_generator(generator),
                       options(dtype, dev, index));
  });
}

TS_API TsTensor* ts_tensor_randperm(int64_t n, TsGenerator* generator, int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result(
      [&] { return at::randperm(n, ts::optional_generator(generator), options(dtype, dev, index)); });
}

// Copies nbytes of host memory (row-major, the dtype's native little-endian layout) into a new tensor.
TS_API TsTensor* ts_tensor_from_data(const void* data, int64_t nbytes, const int64_t* shape, int64_t ndim,
                                     int32_t dtype, int32_t dev, int32_t index) {
  return ts::tensor_result([&] {
    const auto target = options(dtype, dev, index);
    at::Tensor host = at::empty(int_list(shape, ndim), target.device(at::kCPU));
    const int64_t expected = host.numel() * static_cast<int64_t>(host.element_size());
    TORCH_CHECK(expected == nbytes, "data holds ", nbytes, " bytes but shape ", host.sizes(), " of ",
                c10::toString(host.scalar_type()), " needs ", expected);
    if (nbytes > 0) std::memcpy(host.data_ptr(), data, static_cast<size_t>(nbytes));
    return target.device().is_cpu() ? host : host.to(target.device());
  });
}

// Samples indices from the rows of a probability tensor.
TS_API TsTensor* ts_tensor_multinomial(TsTensor* probs, int64_t samples, int32_t replacement,
                                       TsGenerator* generator) {
  return ts::tensor_result(
      [&] { return at::multinomial(*probs, samples, replacement != 0, ts::optional_generator(generator)); });
}

// In-place random fills. kind: 0 uniform_(a, b), 1 normal_(mean a, std b), 2 bernoulli_(p a).
TS_API int32_t ts_tensor_random_(TsTensor* self, int32_t kind, double a, double b, TsGenerator* generator) {
  return ts::status_result([&] {
    const auto gen = ts::optional_generator(generator);
    c10::NoGradGuard no_grad;
    switch (kind) {
      case 0: self->uniform_(a, b, gen); return;
      case 1: self->normal_(a, b, gen); return;
      case 2: self->bernoulli_(a, gen); return;
    }
    TORCH_CHECK(false, "unknown random fill kind ", kind);
  });
}
