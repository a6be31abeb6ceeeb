// Neural-network functions: softmax, linear, embedding, layer norm, dropout and losses.
#include "shim.h"

TS_API TsTensor* ts_softmax(TsTensor* x, int64_t dim, int32_t log) {
  return ts::tensor_result([&] { return log ? at::log_softmax(*x, dim) : at::softmax(*x, dim); });
}

TS_API TsTensor* ts_linear(TsTensor* x, TsTensor* weight, TsTensor* bias) {
  return ts::tensor_result([&] { return at::linear(*x, *weight, ts::optional_tensor(bias)); });
}

TS_API TsTensor* ts_embedding(TsTensor* weight, TsTensor* indices, int64_t padding_idx) {
  return ts::tensor_result([&] { return at::embedding(*weight, *indices, padding_idx); });
}

TS_API TsTensor* ts_layer_norm(TsTensor* x, const int64_t* shape, int64_t ndim, TsTensor* weight, TsTensor* bias,
                               double eps) {
  return ts::tensor_result([&] {
    return at::layer_norm(*x, ts::int_list(shape, ndim), ts::optional_tensor(weight), ts::optional_tensor(bias), eps);
  });
}

// Inverted dropout with an optional generator, computed as PyTorch's CPU path does: x * (bernoulli(1-p) / (1-p)).
TS_API TsTensor* ts_dropout(TsTensor* x, double p, int32_t train, TsGenerator* generator) {
  return ts::tensor_result([&]() -> at::Tensor {
    TORCH_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
    if (!train || p == 0) return *x;
    if (p == 1) return *x * at::zeros({}, x->options());
    at::Tensor noise = at::empty_like(*x, at::MemoryFormat::Contiguous);
    noise.bernoulli_(1 - p, ts::optional_generator(generator));
    noise.div_(1 - p);
    return *x * noise;
  });
}

// Elementwise losses. op: 0 mse, 1 l1, 2 smooth_l1 (beta 1), 3 binary cross-entropy with logits, 4 binary
// cross-entropy on probabilities. reduction: 0 none, 1 mean, 2 sum (at::Reduction's numbering).
TS_API TsTensor* ts_loss(TsTensor* input, TsTensor* target, int32_t op, int32_t reduction) {
  return ts::tensor_result([&] {
    switch (op) {
      case 0: return at::mse_loss(*input, *target, reduction);
      case 1: return at::l1_loss(*input, *target, reduction);
      case 2: return at::smooth_l1_loss(*input, *target, reduction, 1.0);
      case 3: return at::binary_cross_entropy_with_logits(*input, *target, {}, {}, reduction);
      case 4: return at::binary_cross_entropy(*input, *target, {}, reduction);
    }
    TORCH_CHECK(false, "unknown loss op code ", op);
  });
}

TS_API TsTensor* ts_cross_entropy(TsTensor* input, TsTensor* target, TsTensor* weight, int32_t reduction,
                                  int64_t ignore_index, double label_smoothing) {
  return ts::tensor_result([&] {
    return at::cross_entropy_loss(*input, *target, ts::optional_tensor(weight), reduction, ignore_index,
                                  label_smoothing);
  });
}

TS_API TsTensor* ts_nll_loss(TsTensor* input, TsTensor* target, TsTensor* weight, int32_t reduction,
                             int64_t ignore_index) {
  return ts::tensor_result([&] {
    return at::nll_loss_nd(*input, *target, ts::optional_tensor(weight), reduction, ignore_index);
  });
}
