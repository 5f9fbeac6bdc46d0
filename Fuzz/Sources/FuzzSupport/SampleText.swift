/// A short multilingual news text that the seed rules (and patterns like them) find names in.
public let sampleText = """
  Lima, 12 mar (EFE). — La presidenta Dina Boluarte se reunió con la CGTP en Lima, Perú; \
  the Peruvian Workers Confederation (CGTP) said President Boluarte's plan "failed". \
  Премьер-министр России встретился с послом Перу в Москве. 秘鲁总统在利马会见了中国代表团。
  L'ONU et le ministre de l'Intérieur à Paris; dell'Italia, nell'Unione Europea. U.S. officials 🇵🇪 #Perú @AnibalGarzon

  Nuevo párrafo: el Comando Sur (SOUTHCOM) y el Congreso de la República del Perú.
  """
