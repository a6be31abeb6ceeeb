// A multi-layer LSTM through ATen's fused at::lstm (differentiable, with dropout between layers).
#include "shim.h"

// params: per layer (and direction) w_ih, w_hh[, b_ih, b_hh], as torch.nn.LSTM orders them. h0 and c0 may be null
// (zeros). Outputs: the sequence output, and the final hidden and cell states.
TS_API int32_t ts_lstm(TsTensor* input, TsTensor* h0, TsTensor* c0, TsTensor* const* params, int64_t n_params,
                       int32_t has_biases, int64_t num_layers, double dropout, int32_t train, int32_t bidirectional,
                       int32_t batch_first, TsTensor** output, TsTensor** h_n, TsTensor** c_n) {
  return ts::status_result([&] {
    TORCH_CHECK((h0 == nullptr) == (c0 == nullptr), "give both h0 and c0 or neither");
    const auto weights = ts::tensor_list(params, n_params);
    TORCH_CHECK(!weights.empty(), "the LSTM has no parameters");
    std::vector<at::Tensor> hx;
    if (h0) {
      hx = {*h0, *c0};
    } else {
      TORCH_CHECK(input->dim() == 3, "the LSTM expects a 3-d input (batch, sequence, features) with batch_first, "
                  "or (sequence, batch, features) without; got shape ", input->sizes());
      const int64_t batch = input->size(batch_first ? 0 : 1);
      const int64_t hidden = weights[1].size(1);  // w_hh is (4 * hidden, hidden)
      const int64_t directions = bidirectional ? 2 : 1;
      auto zeros = at::zeros({num_layers * directions, batch, hidden}, input->options());
      hx = {zeros, zeros};
    }
    auto result = at::lstm(*input, hx, weights, has_biases != 0, num_layers, dropout, train != 0,
                           bidirectional != 0, batch_first != 0);
    *output = new at::Tensor(std::get<0>(result));
    *h_n = new at::Tensor(std::get<1>(result));
    *c_n = new at::Tensor(std::get<2>(result));
  });
}
