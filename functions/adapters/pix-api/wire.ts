/**
 * The subset of the API Pix 2.9.0 wire format (bacen/pix-api `openapi.yaml`) this connector and
 * the sandbox PSP speak. Portuguese names stay here, at the connector edge (STYLE.md 11).
 * Response types are deliberately loose where the spec's own examples disagree with its schemas
 * (see the comments, and PIX_SPEC.md §3): parse defensively.
 */

export type CobrancaStatus = 'ATIVA' | 'CONCLUIDA' | 'REMOVIDA_PELO_USUARIO_RECEBEDOR' | 'REMOVIDA_PELO_PSP';
export type DevolucaoStatus = 'EM_PROCESSAMENTO' | 'DEVOLVIDO' | 'NAO_REALIZADO';
export type DevolucaoNatureza = 'ORIGINAL' | 'RETIRADA' | 'MED_OPERACIONAL' | 'MED_FRAUDE' | 'MED_PIX_AUTOMATICO';
export type RecStatus = 'CRIADA' | 'APROVADA' | 'REJEITADA' | 'EXPIRADA' | 'CANCELADA';
export type CobRStatus = 'CRIADA' | 'ATIVA' | 'CONCLUIDA' | 'EXPIRADA' | 'REJEITADA' | 'CANCELADA';
export type Periodicidade = 'SEMANAL' | 'MENSAL' | 'TRIMESTRAL' | 'SEMESTRAL' | 'ANUAL';
export type PoliticaRetentativa = 'NAO_PERMITE' | 'PERMITE_3R_7D';
export type TipoJornada = 'JORNADA_1' | 'JORNADA_2' | 'JORNADA_3' | 'JORNADA_4' | 'AGUARDANDO_DEFINICAO';
export type TipoTentativa = 'AGND' | 'NTAG' | 'RIFL';
export type StatusTentativa = 'SOLICITADA' | 'AGENDADA' | 'PAGA' | 'CANCELADA' | 'REJEITADA' | 'EXPIRADA';
export type TipoConta = 'CORRENTE' | 'POUPANCA' | 'PAGAMENTO';

/** `PessoaFisica` | `PessoaJuridica`: exactly one of cpf / cnpj. */
export interface Devedor {
  cpf?: string;
  cnpj?: string;
  nome?: string;
}

/** `CobSolicitada` / `CobRevisada`. */
export interface CobSolicitadaWire {
  calendario?: { expiracao?: number };
  devedor?: Devedor;
  valor?: { original: string; modalidadeAlteracao?: 0 | 1 };
  chave?: string;
  solicitacaoPagador?: string;
  infoAdicionais?: { nome: string; valor: string }[];
  status?: 'REMOVIDA_PELO_USUARIO_RECEBEDOR';
}

export interface PixResumoWire {
  endToEndId: string;
  valor: string;
  horario: string;
}

/**
 * `CobGerada` / `CobCompleta`. The spec's examples write `expiracao` and `revisao` as strings
 * (`cobPayload1`: `"expiracao":"3600"`, `"revisao":"3"`) although the schema says integer.
 */
export interface CobWire {
  txid: string;
  revisao: number | string;
  calendario: { criacao: string; expiracao?: number | string };
  status: string;
  valor: { original: string; modalidadeAlteracao?: number };
  chave: string;
  devedor?: Devedor;
  solicitacaoPagador?: string;
  loc?: { id: number; location: string; tipoCob: string; criacao?: string };
  location?: string;
  pixCopiaECola?: string;
  pix?: PixWire[];
}

/** `CobVSolicitada`. */
export interface CobVSolicitadaWire {
  calendario: { dataDeVencimento: string; validadeAposVencimento?: number };
  devedor: Devedor;
  valor: { original: string };
  chave: string;
  solicitacaoPagador?: string;
}

/** `CobVGerada` / `CobVCompleta`. */
export interface CobVWire {
  txid: string;
  revisao: number | string;
  calendario: { criacao: string; dataDeVencimento: string; validadeAposVencimento?: number | string };
  status: string;
  valor: { original: string; final?: string };
  chave: string;
  devedor: Devedor;
  recebedor?: Devedor & { logradouro?: string; cidade?: string; uf?: string; cep?: string; nomeFantasia?: string };
  solicitacaoPagador?: string;
  loc?: { id: number; location: string; tipoCob: string; criacao?: string };
  location?: string;
  pixCopiaECola?: string;
  pix?: PixWire[];
}

export interface DevolucaoSolicitadaWire {
  valor: string;
  natureza?: 'ORIGINAL' | 'RETIRADA';
  descricao?: string;
}

export interface DevolucaoWire {
  id: string;
  rtrId: string;
  valor: string;
  natureza?: string;
  descricao?: string;
  horario: { solicitacao?: string; liquidacao?: string };
  status: string;
  motivo?: string;
}

/**
 * `Pix`. The spec example `pixWebhook1` gives `devolucoes` as one object instead of an array
 * (PIX_SPEC §3.4): both forms are accepted.
 */
export interface PixWire {
  endToEndId: string;
  txid?: string;
  valor: string;
  chave?: string;
  horario: string;
  infoPagador?: string;
  devolucoes?: DevolucaoWire[] | DevolucaoWire;
}

export interface PaginacaoWire {
  paginaAtual: number;
  itensPorPagina: number;
  quantidadeDePaginas: number;
  quantidadeTotalDeItens: number;
}

/** `PixConsultados`. The schema marks `cobs` as required where it means `pix` (PIX_SPEC §3.5). */
export interface PixConsultadosWire {
  parametros: { inicio: string; fim: string; paginacao: PaginacaoWire };
  pix?: PixWire[];
}

/**
 * `WebhookCompleto`. The schema requires `cnpj` but its example (`webhookResponse1`) and the
 * digest return `chave`: read neither as required.
 */
export interface WebhookWire {
  webhookUrl: string;
  chave?: string;
  criacao?: string;
}

export interface StatusHistoricoWire {
  status?: string;
  /** `recResponse1` writes `nome` where the schema (`RecAtualizacao`) says `status`. */
  nome?: string;
  data: string;
}

/** `RecSolicitada`. */
export interface RecSolicitadaWire {
  vinculo: { contrato: string; devedor: Devedor; objeto?: string };
  calendario: { dataInicial: string; dataFinal?: string; periodicidade: Periodicidade };
  valor?: { valorRec?: string; valorMinimoRecebedor?: string };
  politicaRetentativa: PoliticaRetentativa;
  ativacao?: { dadosJornada?: { txid: string } };
}

/**
 * `RecGerada` / `RecCompleta`. `tipoJornada` sits in `ativacao` per the schema but inside
 * `ativacao.dadosJornada` in `recResponse1`: both are read.
 */
export interface RecWire {
  idRec: string;
  vinculo: { contrato: string; devedor: Devedor; objeto?: string };
  calendario: { dataInicial: string; dataFinal?: string; periodicidade: string };
  valor?: { valorRec?: string; valorMinimoRecebedor?: string };
  politicaRetentativa: string;
  recebedor?: Devedor & { convenio?: string };
  status: string;
  loc?: { id?: number; location?: string; criacao?: string; idRec?: string };
  ativacao?: { tipoJornada?: string; dadosJornada?: { txid?: string; tipoJornada?: string } };
  atualizacao?: StatusHistoricoWire[];
  dadosQR?: { jornada?: string; pixCopiaECola?: string };
}

export interface RecebedorContaWire {
  agencia?: string;
  conta: string;
  tipoConta: TipoConta;
}

/** `CobRSolicitada`. */
export interface CobRSolicitadaWire {
  idRec: string;
  infoAdicional?: string;
  calendario: { dataDeVencimento: string };
  valor: { original: string };
  ajusteDiaUtil: boolean;
  recebedor: RecebedorContaWire;
}

export interface TentativaWire {
  dataLiquidacao: string;
  tipo: string;
  status: string;
  endToEndId: string;
  rejeicao?: { codigo: string; descricao?: string };
}

/**
 * `CobRGerada` / `CobRCompleta`. The schema types `recebedor` as a company (cnpj, nome) while the
 * examples (`cobRResponse1`) return the bank account sent on create: both are read.
 */
export interface CobRWire {
  idRec: string;
  txid: string;
  infoAdicional?: string;
  calendario: { criacao: string; dataDeVencimento: string };
  valor: { original: string };
  status: string;
  politicaRetentativa?: string;
  ajusteDiaUtil?: boolean;
  recebedor?: Partial<RecebedorContaWire> & Devedor;
  atualizacao?: StatusHistoricoWire[];
  tentativas?: TentativaWire[];
}

/** RFC 7807 `Problema`; `violacoes[].valor` may echo personal data (a key, a CPF). */
export interface ProblemaWire {
  type: string;
  title: string;
  status: number;
  detail?: string;
  correlationId?: string;
  violacoes?: { razao?: string; propriedade?: string; valor?: string }[];
}

/** RFC 6749 §5.1 token response. */
export interface TokenWire {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

/** Webhook callback body, `POST {webhookUrl}/pix` (`WebhookPixBody`). */
export interface WebhookPixBodyWire {
  pix: PixWire[];
}
