export { div, mul, parseRate, ratio, roundHalfEven, toDecimal, type Rational } from './rational.js';
export { DEFAULT_PRICING_RULES, REGION_OF, crossRate, markupFor, priceQuote, type PricedQuote, type PricingRule, type RateTable } from './quote.js';
